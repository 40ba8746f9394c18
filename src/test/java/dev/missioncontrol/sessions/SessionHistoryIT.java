package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** --history-retention: finished sessions go with everything hanging off them; running ones stay whole. */
class SessionHistoryIT {
    private static final String DEPLOY = "{\"deployment_request\":\"Ship\",\"repository_full_name\":\"acme/%s\","
            + "\"status\":\"%s\"}";

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void deletes_finished_sessions_with_their_timelines_deployments_and_deliveries(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            Api api = server.api();
            Jdbi jdbi = server.app().database().jdbi();
            var cancelled = api.post("/api/v1/deployments/", DEPLOY.formatted("web", "cancelled")).json();
            String investigation = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"Why 502?\"}").json()
                    .get("session_id").asText();
            String watching = api.post("/api/v1/deployments/", DEPLOY.formatted("api", "success")).json()
                    .get("agent_session_id").asText();
            String finished = cancelled.get("agent_session_id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> ended(api, finished) && ended(api, investigation));
            deliveredAlertFor(jdbi, cancelled.get("id").asText());
            jdbi.useHandle(h -> h.execute("INSERT INTO notification_outbox (id, org_id, webhook_id, dedupe_key, "
                    + "payload, state, next_attempt_at, created_at, deployment_id) SELECT 'o2', org_id, 'w1', 'k2', "
                    + "'{}', 'pending', 0, 0, deployment_id FROM notification_outbox WHERE id = 'o1'"));

            var history = new SessionHistoryStore(jdbi, server.app().database().dialect());
            assertThat(history.purgeFinishedBefore(Instant.now().plusSeconds(60))).isEqualTo(2);
            assertThat(count(jdbi, "notification_outbox")).as("a retry still on its way is sent").isEqualTo(1);
            jdbi.useHandle(h -> h.execute("UPDATE notification_outbox SET state = 'delivered' WHERE id = 'o2'"));
            history.purgeFinishedBefore(Instant.now().plusSeconds(60));

            assertThat(api.get("/api/v1/agent-sessions/" + finished + "/").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/agent-sessions/" + investigation + "/").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/deployments/" + cancelled.get("id").asText() + "/").status()).isEqualTo(404);
            assertThat(count(jdbi, "session_events WHERE session_id IN ('" + finished + "','" + investigation + "')"))
                    .isZero();
            assertThat(count(jdbi, "notification_deliveries")).isZero();
            assertThat(count(jdbi, "notification_outbox")).isZero();
            assertThat(api.get("/api/v1/agent-sessions/" + watching + "/").json().get("status").asText())
                    .as("a deploy still watched stays").isEqualTo("active");
            assertThat(count(jdbi, "session_events WHERE session_id = '" + watching + "'")).isPositive();
            assertThat(history.purgeFinishedBefore(Instant.now().minusSeconds(3600))).as("nothing that old").isZero();
        }
    }

    private static boolean ended(Api api, String sessionId) {
        return !"active".equals(api.get("/api/v1/agent-sessions/" + sessionId + "/").json().get("status").asText());
    }

    /** An alert sent for the deployment, as the outbox records one, with its delivery attempt. */
    private static void deliveredAlertFor(Jdbi jdbi, String deploymentId) {
        jdbi.useHandle(h -> {
            String org = h.createQuery("SELECT org_id FROM deployments WHERE id = :id").bind("id", deploymentId)
                    .mapTo(String.class).one();
            h.execute("INSERT INTO notification_webhooks (id, org_id, kind, name, url, created_at) "
                    + "VALUES ('w1', ?, 'webhook', 'ops', 'https://hooks.example/x', 0)", org);
            h.execute("INSERT INTO notification_outbox (id, org_id, webhook_id, dedupe_key, payload, state, "
                    + "next_attempt_at, created_at, deployment_id) VALUES ('o1', ?, 'w1', 'k', '{}', 'delivered', 0, "
                    + "0, ?)", org, deploymentId);
            h.execute("INSERT INTO notification_deliveries (id, org_id, outbox_id, webhook_id, attempt, "
                    + "status_code, duration_ms, created_at) VALUES ('d1', ?, 'o1', 'w1', 1, 200, 5, 0)", org);
        });
    }

    private static long count(Jdbi jdbi, String fromWhere) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + fromWhere).mapTo(Long.class).one());
    }
}
