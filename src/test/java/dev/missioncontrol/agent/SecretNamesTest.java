package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWORD", "PGPASSWORD", "passwd", "DB_PASS", "redis.pass", "PGPASS",
            "pwd", "passphrase", "client_secret", "AWS_SECRET_ACCESS_KEY", "SecretAccessKey", "aws_secret_key",
            "token", "access_token", "csrftoken", "api_key", "x-api-key", "apiKey", "apikey", "access_key",
            "private_key", "PrivateKey", "credential", "credentials", "Cookie", "Set-Cookie", "Authorization",
            "session", "signature", "X-Amz-Signature", "sig", "secrets", "passwords", "DB_PASSWORDS", "auth",
            "ssh_key", "SSH_PRIVATE_KEY", "SECRET_KEY_BASE", "Ocp-Apim-Subscription-Key", "x-functions-key",
            "license_key", "licenseKey"})
    void a_name_whose_last_word_is_a_secret_names_one(String name) {
        assertThat(SecretNames.named(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_id", "sessionId", "token_count", "max_tokens", "token_type",
            "password_updated_at", "secret_name", "key", "public_key", "AccessKeyId", "user_id", "pass", "bypass",
            "signatures_checked", "commit_message", "event_metadata", "cache_key", "subscription_id", "license_type",
            "function_name", ""})
    void a_name_whose_last_word_only_describes_a_secret_names_none(String name) {
        assertThat(SecretNames.named(name)).as(name).isFalse();
    }
}
