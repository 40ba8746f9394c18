package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/v1/signals/: what it accepts, and the 422 problems for what it does not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsApiIT {
    private static final String SIGNALS = "/api/v1/signals/";
    TestServer server;
    Api api;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.Db.SQLITE);
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void accepts_samples_by_repository_then_by_the_projects_service_name() {
        Instant minuteAgo = Instant.now().minusSeconds(60);
        var r = api.post(SIGNALS, """
                {"samples":[{"name":"http_errors_total","value":3,"timestamp":"%s",
                             "labels":{"repository":"acme/signals","instance":"a"}},
                            {"name":"http_errors_total","value":4,"timestamp":%d.5,
                             "labels":{"repository":"acme/signals"}}]}""".formatted(minuteAgo,
                minuteAgo.getEpochSecond()));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
        var byService = api.post(SIGNALS, "{\"samples\":[{\"name\":\"latency_ms\",\"value\":12.5,"
                + "\"labels\":{\"service\":\"signals\"}}]}");
        assertThat(byService.status()).as(byService.body()).isEqualTo(202);
    }

    @Test
    void a_series_given_twice_at_one_time_in_a_batch_is_counted_once() {
        Instant minuteAgo = Instant.now().minusSeconds(60);
        var r = api.post(SIGNALS, """
                {"samples":[{"name":"queue_depth","value":3,"timestamp":"%1$s","labels":{"repository":"acme/twice"}},
                            {"name":"queue_depth","value":5,"timestamp":"%1$s","labels":{"repository":"acme/twice"}},
                            {"name":"queue_depth","value":6,"labels":{"repository":"acme/twice"}}]}"""
                .formatted(minuteAgo));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void a_gitlab_subgroup_project_is_registered_whole_and_its_service_is_its_last_name() {
        var deploy = api.post("/api/v1/deployments/", "{\"deployment_request\":\"ship\",\"status\":\"pending\","
                + "\"repository_full_name\":\"acme/platform/billing\"}");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        var shown = api.get("/api/v1/deployments/" + deploy.json().get("id").asText() + "/");
        assertThat(shown.json().get("repository_full_name").asText()).isEqualTo("acme/platform/billing");
        var byService = api.post(SIGNALS, "{\"samples\":[{\"name\":\"latency_ms\",\"value\":12.5,"
                + "\"labels\":{\"service\":\"billing\"}}]}");
        assertThat(byService.status()).as(byService.body()).isEqualTo(202);
    }

    @Test
    void a_service_name_two_projects_share_is_refused_naming_both_until_labelled_by_repository() {
        for (String repo : new String[] {"acme/api", "grp/sub/api"}) {
            var deploy = api.post("/api/v1/deployments/", "{\"deployment_request\":\"ship\",\"status\":\"pending\","
                    + "\"repository_full_name\":\"" + repo + "\"}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        }
        var ambiguous = api.post(SIGNALS, "{\"samples\":[{\"name\":\"latency_ms\",\"value\":12.5,"
                + "\"labels\":{\"service\":\"api\"}}]}");
        assertThat(ambiguous.status()).as(ambiguous.body()).isEqualTo(422);
        assertThat(pointers(ambiguous.json())).containsExactly("/samples/0/labels/service");
        assertThat(ambiguous.json().at("/errors/0/detail").asText()).isEqualTo("service \"api\" names 2 projects "
                + "(acme/api, grp/sub/api): label the samples with repository (owner/name) instead");
        var byRepository = api.post(SIGNALS, "{\"samples\":[{\"name\":\"latency_ms\",\"value\":12.5,"
                + "\"labels\":{\"service\":\"api\",\"repository\":\"acme/api\"}}]}");
        assertThat(byRepository.status()).as(byRepository.body()).isEqualTo(202);
    }

    @Test
    void every_bad_sample_is_named_by_its_pointer() {
        var r = api.post(SIGNALS, """
                {"samples":[{"value":1,"labels":{"repository":"acme/web"}},
                            {"name":"ok","value":"1","labels":{"repository":"acme/web"}},
                            {"name":"ok","value":1,"timestamp":"yesterday","labels":{"repository":"acme/web"}},
                            {"name":"bad name","value":1,"labels":{"repository":"acme/web"}},
                            {"name":"ok","value":1,"labels":{"repository":7}},
                            {"name":"ok","value":1,"timestamp":"2999-01-01T00:00:00Z"},
                            {"name":"http_errors_total","value":-3,"labels":{"repository":"acme/web"}},
                            {"name":"temperature_delta_sum","value":-3,"labels":{"repository":"acme/web"}}]}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pointers(r.json())).containsExactly("/samples/0/name", "/samples/1/value", "/samples/2/timestamp",
                "/samples/3/name", "/samples/4/labels/repository", "/samples/5/timestamp", "/samples/6/value");
        assertThat(r.json().at("/errors/6/detail").asText())
                .isEqualTo("must not be negative: http_errors_total is a counter");
    }

    @Test
    void a_sample_older_than_the_retention_is_refused_rather_than_acknowledged_and_deleted_within_the_hour() {
        Instant beyond = Instant.now().minus(Duration.ofHours(360)).minusSeconds(60);
        var r = api.post(SIGNALS, """
                {"samples":[{"name":"ok","value":1,"timestamp":"%s","labels":{"repository":"acme/web"}},
                            {"name":"ok","value":1,"timestamp":%d,"labels":{"repository":"acme/web"}},
                            {"name":"ok","value":1,"timestamp":"1969-12-31T23:59:59Z","labels":{"repository":"acme/web"}},
                            {"name":"ok","value":1,"timestamp":"%s","labels":{"repository":"acme/web"}}]}"""
                .formatted(beyond, beyond.getEpochSecond(), beyond.plus(Duration.ofHours(2))));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(pointers(r.json())).containsExactly("/samples/0/timestamp", "/samples/1/timestamp",
                "/samples/2/timestamp");
        assertThat(r.json().at("/errors/0/detail").asText()).isEqualTo("is older than the signal retention (360h, "
                + "--signal-retention): it would be deleted within the hour, so it is not taken");
    }

    @Test
    void a_timestamp_in_epoch_milliseconds_is_refused_saying_so() {
        long millis = Instant.now().toEpochMilli();
        var r = api.post(SIGNALS, "{\"samples\":[{\"name\":\"ok\",\"value\":1,\"timestamp\":" + millis
                + ",\"labels\":{\"repository\":\"acme/web\"}}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/samples/0/timestamp");
        assertThat(r.json().at("/errors/0/detail").asText()).isEqualTo("must be epoch seconds; " + millis
                + " reads as epoch milliseconds (divide by 1000)");
    }

    @Test
    void a_label_name_holding_a_slash_or_tilde_is_pointed_at_as_one_member() {
        var r = api.post(SIGNALS, """
                {"samples":[{"name":"ok","value":1,"labels":{"repository":"acme/web","k8s/app":"web"}},
                            {"name":"ok","value":1,"labels":{"repository":"acme/web","a~b":"web"}}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(pointers(r.json())).containsExactly("/samples/0/labels/k8s~1app", "/samples/1/labels/a~0b");
    }

    @Test
    void refuses_missing_empty_oversized_batches_and_unknown_services() {
        assertThat(api.post(SIGNALS, "{}").status()).isEqualTo(422);
        assertThat(api.post(SIGNALS, "{\"samples\":[]}").status()).isEqualTo(422);
        StringBuilder many = new StringBuilder("{\"samples\":[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"m\",\"value\":1}");
        }
        var tooMany = api.post(SIGNALS, many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().at("/errors/0/code").asText()).isEqualTo("too_long");
        var unknown = api.post(SIGNALS, "{\"samples\":[{\"name\":\"m\",\"value\":1,\"labels\":{\"service\":\"nope\"}}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(pointers(unknown.json())).containsExactly("/samples/0/labels");
    }

    @Test
    void needs_the_deployments_write_scope() {
        String readOnly = server.newOrgKey("ro-signals", Set.of(Scope.DEPLOYMENTS_READ));
        var r = server.api(readOnly).post(SIGNALS, "{\"samples\":[{\"name\":\"m\",\"value\":1}]}");
        assertThat(r.status()).isEqualTo(403);
    }

    private static java.util.List<String> pointers(JsonNode problem) {
        java.util.List<String> out = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("pointer").asText()));
        return out;
    }
}
