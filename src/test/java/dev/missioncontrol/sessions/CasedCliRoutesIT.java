package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two endpoints the official Cased CLI reads answer exactly the shapes it parses. */
class CasedCliRoutesIT {

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void list_and_detail_use_the_cli_shapes_and_status_words() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"cli view\"}").json().get("session_id")
                    .asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/agent-sessions/" + id + "/")
                    .json().get("status").asText().equals("completed"));
            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"and now?\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/agent-sessions/" + id + "/")
                    .json().get("status").asText().equals("completed"));

            JsonNode list = api.get("/api/v1/agent/sessions?hours=1&limit=5&type=root_cause_analysis").json();
            assertThat(fields(list)).containsExactly("results", "count");
            JsonNode item = list.get("results").get(0);
            assertThat(fields(item)).containsExactly("id", "created_at", "session_type", "status", "title");
            assertThat(item.get("status").asText()).isEqualTo("completed");

            JsonNode detail = api.get("/api/v1/agent/sessions/" + id + "?logs=true&conversation=true").json();
            assertThat(fields(detail)).containsExactly("id", "title", "session_type", "status", "created_at",
                    "summary", "logs", "conversation");
            assertThat(fields(detail.get("summary"))).containsExactly("description", "outcome", "key_actions");
            assertThat(fields(detail.get("logs").get(0))).containsExactly("timestamp", "message");
            assertThat(detail.get("conversation").get(0).get("role").asText()).isEqualTo("user");
            assertThat(detail.get("conversation").get(1).get("role").asText()).isEqualTo("agent");
            assertThat(api.get("/api/v1/agent/sessions?status=running").json().get("count").asInt()).isZero();
            assertThat(api.get("/api/v1/agent/sessions?status=bogus").status()).isEqualTo(422);
        }
    }

    /**
     * The CLI joins CASED_API_URL and the path with a slash, so a URL configured with a trailing slash asks for
     * //api/v1/agent/sessions, as the Go client sends it (with a JSON Content-Type on a GET).
     */
    @Test
    void a_configured_url_with_a_trailing_slash_reaches_the_routes_and_their_key_check() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"slashes\"}").json().get("session_id")
                    .asText();
            Api.Reply list = api.send(api.builder("//api/v1/agent/sessions?hours=24&limit=20")
                    .header("Content-Type", "application/json").GET().build());
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().get("results").findValuesAsText("id")).containsExactly(id);
            Api.Reply detail = api.get("//api/v1/agent/sessions/" + id + "?logs=true");
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("id").asText()).isEqualTo(id);
            Api.Reply anonymous = new Api(server.baseUrl(), null).get("//api/v1//agent/sessions/" + id);
            assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        }
    }

    @Test
    void the_count_is_the_total_the_cli_prints_and_its_unbounded_flags_are_taken_within_our_bounds() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            for (int i = 0; i < 4; i++) {
                api.post("/api/v1/agent-sessions/", "{\"prompt\":\"total " + i + "\"}");
            }
            JsonNode two = api.get("/api/v1/agent/sessions?hours=24&limit=2").json();
            assertThat(two.get("results").size()).isEqualTo(2);
            assertThat(two.get("count").asInt()).isEqualTo(4);

            // `cased sessions --limit 200 --since 600w` sends these as they are
            Api.Reply wide = api.get("/api/v1/agent/sessions?hours=100800&limit=200");
            assertThat(wide.status()).as(wide.body()).isEqualTo(200);
            assertThat(wide.json().get("results").size()).isEqualTo(4);
            // `--limit 0` or `--limit -3`: one row and the total, not a refusal nor a false "No sessions found"
            for (String limit : List.of("0", "-3")) {
                Api.Reply least = api.get("/api/v1/agent/sessions?hours=24&limit=" + limit);
                assertThat(least.status()).as(least.body()).isEqualTo(200);
                assertThat(least.json().get("results").size()).isEqualTo(1);
                assertThat(least.json().get("count").asInt()).isEqualTo(4);
            }
            // Go's int is 64 bits: `--limit 99999999999 --since 999999999d` is past what 32 bits hold
            Api.Reply huge = api.get("/api/v1/agent/sessions?hours=23999999976&limit=99999999999");
            assertThat(huge.status()).as(huge.body()).isEqualTo(200);
            assertThat(huge.json().get("results").size()).isEqualTo(4);
            assertThat(api.get("/api/v1/agent/sessions?hours=-1").status()).isEqualTo(422);
            assertThat(api.get("/api/v1/agent/sessions?limit=ten").status()).isEqualTo(422);
        }
    }

    /** `cased sessions` shows ids cut to eight characters, and `cased session <ID>` is given what it showed. */
    @Test
    void a_session_is_found_by_the_start_of_its_id_and_a_shared_start_names_the_candidates() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            String first = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"one\"}").json().get("session_id")
                    .asText();
            String second = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"two\"}").json().get("session_id")
                    .asText();
            assertThat(second).as("ids start with their creation time").startsWith(first.substring(0, 8));

            Api.Reply shared = api.get("/api/v1/agent/sessions/" + first.substring(0, 8));
            assertThat(shared.status()).as(shared.body()).isEqualTo(409);
            assertThat(shared.json().get("detail").asText()).contains(first).contains(second)
                    .contains("give more of the id");

            String longer = first.substring(0, 36 - 4);
            Api.Reply found = api.get("/api/v1/agent/sessions/" + longer.toUpperCase() + "?logs=true");
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().get("id").asText()).isEqualTo(first);
            assertThat(api.get("/api/v1/agent/sessions/ffffffff").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/agent/sessions/" + first.substring(0, 7)).status()).as("too short")
                    .isEqualTo(404);

            Api other = new Api(server.baseUrl(), server.newOrgKey("cli-other-" + System.nanoTime(),
                    dev.missioncontrol.orgs.Scope.all()));
            assertThat(other.get("/api/v1/agent/sessions/" + longer).status()).as("another organization's")
                    .isEqualTo(404);
        }
    }
}
