package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.missioncontrol.agent.Redactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderFailureTest {
    private static final String KEY = "local-key-Qm7x";

    @Test
    void masks_the_configured_key_where_no_rule_of_the_redactor_would() {
        String body = "{\"error\":\"you sent local-key-Qm7x\"}";
        assertThat(Redactor.redact(body)).as("a key of no known shape").contains(KEY);

        ProviderFailure failure = ProviderFailure.of(new AuthenticationException(body,
                new HttpException(401, body)), null, KEY);
        assertThat(failure.getMessage()).doesNotContain(KEY).contains("you sent [REDACTED]");
        assertThat(failure.reason()).isEqualTo("the LLM provider refused the API key (HTTP 401)");
    }

    /** A base URL without /v1 answers 404 at every real endpoint, which read as an unknown model only. */
    @Test
    void a_404_says_the_base_url_may_lack_its_path() {
        ProviderFailure failure = ProviderFailure.of(new ModelNotFoundException("not found",
                new HttpException(404, "404 page not found")), null, KEY);
        assertThat(failure.reason()).isEqualTo("the LLM provider does not know the model, or has no such endpoint "
                + "(does --llm-base-url need its path, such as /v1?) (HTTP 404)");
    }

    @Test
    void an_untrusted_certificate_names_the_setting_that_trusts_its_ca() {
        ProviderFailure failure = ProviderFailure.of(new RuntimeException(new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path")), null, KEY);
        assertThat(failure.reason()).isEqualTo("the LLM provider is not trusted over TLS: its certificate is not "
                + "signed by an authority trusted here, or names another host (--ca-cert or MC_CA_CERT adds an "
                + "internal CA)");
    }

    @Test
    void a_timeout_names_the_time_an_answer_may_take() {
        ProviderFailure failure = ProviderFailure.of(new TimeoutException("slow"),
                Duration.ofSeconds(10), KEY);
        assertThat(failure.reason()).isEqualTo("the LLM provider did not answer within 10s");
    }
}
