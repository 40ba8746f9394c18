package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;

/** What every refusal must look like, whichever test provoked it. */
final class ProblemAssert {
    private ProblemAssert() {
    }

    /** A problem+json answer of {@code status} as API.md documents it, which leaks nothing of the server's code. */
    static void assertProblem(Api.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("https://missioncontrol.dev/problems/");
        assertThat(p.hasNonNull("title")).isTrue();
        assertThat(p.hasNonNull("detail")).isTrue();
        assertThat(p.get("request_id").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.missioncontrol.");
        assertThat(p.get("detail").asText()).as("names no Java class, method or feature switch")
                .doesNotContainPattern("`|\\(\\)|[A-Z][a-z]+[A-Z]\\w*\\.\\w|[A-Z]{2,}_[A-Z]{2,}");
        if (status == 422) {
            assertThat(p.path("errors").isArray() && !p.path("errors").isEmpty()).as("errors[] of " + r.body()).isTrue();
        }
        if (status == 401) {
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.header("RateLimit-Policy")).as("a refusal says which limit it counted against").isNotNull();
            assertThat(r.header("RateLimit")).isNotNull();
        }
    }
}
