package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masks_bearer_tokens_but_keeps_the_scheme() {
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.abc123def456.zzz999yyy"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
    }

    @Test
    void masks_the_password_in_a_url_and_keeps_user_and_host() {
        assertThat(Redactor.redact("connecting to postgresql://app:s3cr3t-pw@db.internal:5432/orders"))
                .isEqualTo("connecting to postgresql://app:[REDACTED]@db.internal:5432/orders");
    }

    @Test
    void masks_key_value_secrets_in_text_and_json() {
        assertThat(Redactor.redact("login failed password=hunter22 user=bob"))
                .isEqualTo("login failed password=[REDACTED] user=bob");
        assertThat(Redactor.redact("{\"api_key\": \"abcd1234efgh\", \"user\": \"bob\"}"))
                .isEqualTo("{\"api_key\": \"[REDACTED]\", \"user\": \"bob\"}");
    }

    @Test
    void masks_secrets_recognisable_by_shape() {
        assertThat(Redactor.redact("aws key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("aws key [REDACTED] used");
        assertThat(Redactor.redact("token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked"))
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("[REDACTED]");
    }

    @Test
    void leaves_ordinary_log_lines_alone() {
        String line = "2025-06-20T10:37:30Z ERROR auth - Identity provider certificate expired; token expired for user_1";
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }
}
