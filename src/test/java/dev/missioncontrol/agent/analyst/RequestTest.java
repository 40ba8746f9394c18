package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestTest {

    static Request of(String prompt) {
        return Request.of(new SessionFacts("s", "o", null, "general", prompt, Json.object(), Instant.now()));
    }

    @Test
    void takes_quoted_terms_codes_and_failure_words() {
        assertThat(Request.terms("Find 'query failed' in the logs")).containsExactly("query failed");
        assertThat(Request.terms("Why do we get 503 and ECONNREFUSED after the timeout?"))
                .containsExactly("503", "ECONNREFUSED", "timeout");
        assertThat(Request.terms("What's wrong with the pod? It's slow")).containsExactly("slow");
    }

    @Test
    void reads_the_service_and_how_many_newest_lines_are_wanted() {
        Request r = of("post last 10 logs that contain \"ERROR\" from payment-service in production-62 namespace");
        assertThat(r.terms()).containsExactly("ERROR");
        assertThat(r.newest()).isEqualTo(10);
        assertThat(r.service()).isEqualTo("payment-service");
        assertThat(of("Whats wrong with web-server pod in namespace-66").service()).isEqualTo("web-server");
    }

    @Test
    void prefers_the_service_named_in_the_context() {
        var ctx = Json.object().put("service", "billing");
        Request r = Request.of(new SessionFacts("s", "o", null, "general", "errors in checkout pod", ctx,
                Instant.now()));
        assertThat(r.service()).isEqualTo("billing");
    }

    @Test
    void takes_the_service_but_not_the_environment_from_the_alerts_labels_when_nothing_else_names_them() {
        var ctx = Json.object();
        ctx.putObject("alert").put("state", "firing").putObject("labels").put("alertname", "HighErrorRate")
                .put("app", "checkout").put("env", "production").put("namespace", "prod");
        Request r = Request.of(new SessionFacts("s", "o", null, "general", "Why is this alert firing?", ctx,
                Instant.now()));

        assertThat(r.service()).isEqualTo("checkout");
        assertThat(r.environment()).as("an env label need not be the name CI records deployments to").isNull();
        assertThat(r.alerts().service().name()).isEqualTo("app");
    }

    /**
     * The context names the service before the alerts' labels, and the labels before the prompt: the server finds the
     * session's project in the same order, so the report never talks about payments while checkout's metrics are
     * compared.
     */
    @Test
    void the_context_names_the_service_before_the_alerts_labels_and_they_before_the_prompt() {
        var ctx = Json.object().put("environment", "staging");
        ctx.putObject("alert").putObject("labels").put("alertname", "Down").put("service", "checkout")
                .put("environment", "production");

        Request asked = Request.of(new SessionFacts("s", "o", null, "general", "errors in the billing service", ctx,
                Instant.now()));
        Request named = Request.of(new SessionFacts("s", "o", null, "general", "why?", ctx.deepCopy()
                .put("service", "payments"), Instant.now()));
        Request alone = Request.of(new SessionFacts("s", "o", null, "general", "errors in the billing service",
                Json.object(), Instant.now()));

        assertThat(asked.service()).isEqualTo("checkout");
        assertThat(asked.alerts().service().name()).isEqualTo("service");
        assertThat(asked.environment()).isEqualTo("staging");
        assertThat(named.service()).isEqualTo("payments");
        assertThat(named.alerts().service()).isNull();
        assertThat(alone.service()).isEqualTo("billing");
    }
}
