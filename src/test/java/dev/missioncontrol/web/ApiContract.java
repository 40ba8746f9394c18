package dev.missioncontrol.web;

import static dev.missioncontrol.web.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.TestServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API contract of API.md, run against a real server. Subclasses choose the database, so the same suite runs on
 * SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
    static final String DEPLOY = "/api/v1/deployments/";
    static final String SESSIONS = "/api/v1/agent-sessions/";
    TestServer server;
    Api api;

    abstract TestServer.Db database();

    /** The suite writes more than one client's burst; the write budget has its own test, RateLimitIT. */
    @BeforeAll
    void startServer() {
        server = TestServer.start(database(), c -> c.withLimits(new AppConfig.Limits(c.limits().maxBody(),
                c.limits().maxSessionBody(), 60_000, 10_000, c.limits().trustedProxies(),
                c.limits().maxWaitingSessions())));
        api = server.api();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void seed_deployment_example_gets_201_with_exactly_the_documented_fields() {
        var r = api.post(DEPLOY, """
                {"deployment_request":"Deploy version 1.2.3 to production","repository_full_name":"acme/web",
                 "status":"success","external_url":"https://github.com/acme/web/actions/runs/1",
                 "commit_sha":"abc123def456","commit_message":"Fix login","ref":"refs/heads/main",
                 "event_metadata":{"environment":"production"}}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(fieldNames(r.json())).containsExactly("id", "status", "created_at", "agent_session_id",
                "agent_session_url");
        assertThat(r.json().get("status").asText()).isEqualTo("success");
        assertThat(r.json().get("agent_session_url").asText()).isEqualTo("/agents/" + r.json().get("agent_session_id").asText());
    }

    @Test
    void token_scheme_is_accepted_like_bearer() {
        var request = api.builder(DEPLOY).header("Content-Type", "application/json")
                .setHeader("Authorization", "Token " + server.firstKey())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/web\"}")).build();
        assertThat(api.send(request).status()).isEqualTo(201);
    }

    @Test
    void two_authorization_headers_are_refused_rather_than_one_chosen() {
        String other = server.newOrgKey("two-keys-" + System.nanoTime(), Scope.all());
        var request = api.builder(DEPLOY).header("Authorization", "Bearer " + other).GET().build();
        assertProblem(api.send(request), 401);
    }

    @Test
    void seed_session_example_gets_201_with_exactly_the_documented_fields() {
        var r = api.post(SESSIONS, """
                {"prompt":"Investigate high error rate in payment service",
                 "context":{"service":"payment-api","environment":"production","error_rate":"5.2%"}}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(fieldNames(r.json())).containsExactly("session_id", "status", "created_at", "url");
        assertThat(r.json().get("status").asText()).isEqualTo("active");
        String id = r.json().get("session_id").asText();
        var events = api.get(SESSIONS + id + "/events/");
        assertThat(events.json().get("results").get(0).get("type").asText()).isEqualTo("status");
        assertThat(events.json().get("results").get(0).get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void defaults_status_to_success_and_wraps_non_object_metadata() {
        var r = api.post(DEPLOY, """
                {"deployment_request":"Deploy","repository_full_name":"acme/web","event_metadata":"env=prod",
                 "github_run_id":123,"github_run_url":"https://x"}""");
        assertThat(r.json().get("status").asText()).isEqualTo("success");
        var detail = api.get(DEPLOY + r.json().get("id").asText() + "/").json();
        assertThat(detail.get("event_metadata").get("value").asText()).isEqualTo("env=prod");
        assertThat(detail.toString()).doesNotContain("github_run_id").doesNotContain("github_run_url");
        assertThat(detail.get("verdict").get("state").asText()).isEqualTo("pending");
    }

    @Test
    void unknown_repository_is_registered_and_repeat_events_join_the_open_session() {
        String body = """
                {"deployment_request":"Deploy","repository_full_name":"acme/joined","status":"%s",
                 "external_url":"https://ci.example.com/run/77"}""";
        var pending = api.post(DEPLOY, body.formatted("pending")).json();
        var success = api.post(DEPLOY, body.formatted("success")).json();
        assertThat(success.get("agent_session_id").asText()).isEqualTo(pending.get("agent_session_id").asText());
        var other = api.post(DEPLOY, body.formatted("success").replace("/77", "/78")).json();
        assertThat(other.get("agent_session_id").asText()).isNotEqualTo(pending.get("agent_session_id").asText());
        var list = api.get(DEPLOY + "?repository=acme/joined").json();
        assertThat(list.get("count").asInt()).isEqualTo(3);
    }

    /**
     * A rollback to a commit watched moments ago, after another deploy, is a deploy of its own; and a run that names
     * its environment only on the success is still one deployment.
     */
    @Test
    void a_commit_deployed_again_after_another_gets_its_own_session_and_an_unnamed_environment_joins_a_named_one() {
        String byCommit = """
                {"deployment_request":"Deploy","repository_full_name":"acme/rollback","status":"success",
                 "commit_sha":"%s","ref":"main"}""";
        String x = api.post(DEPLOY, byCommit.formatted("aaaa111")).json().get("agent_session_id").asText();
        String y = api.post(DEPLOY, byCommit.formatted("bbbb222")).json().get("agent_session_id").asText();
        String back = api.post(DEPLOY, byCommit.formatted("aaaa111")).json().get("agent_session_id").asText();
        assertThat(y).isNotEqualTo(x);
        assertThat(back).as("the rollback, overtaken by Y, is not late news of the first X").isNotIn(x, y);

        String byRun = """
                {"deployment_request":"Deploy","repository_full_name":"acme/rollback","status":"%s",
                 "external_url":"https://ci.example.com/run/90"%s}""";
        String pending = api.post(DEPLOY, byRun.formatted("pending", "")).json().get("agent_session_id").asText();
        String success = api.post(DEPLOY, byRun.formatted("success",
                ",\"event_metadata\":{\"environment\":\"production\"}")).json().get("agent_session_id").asText();
        assertThat(success).isEqualTo(pending);

        String run91 = byRun.replace("/run/90", "/run/91");
        String unnamed = api.post(DEPLOY, run91.formatted("pending", "")).json().get("agent_session_id").asText();
        String staging = api.post(DEPLOY, run91.formatted("success",
                ",\"event_metadata\":{\"environment\":\"staging\"}")).json().get("agent_session_id").asText();
        String production = api.post(DEPLOY, run91.formatted("success",
                ",\"event_metadata\":{\"environment\":\"production\"}")).json().get("agent_session_id").asText();
        assertThat(staging).isEqualTo(unnamed);
        assertThat(production).as("the session is staging's once its success named it").isNotEqualTo(staging);
    }

    /** A deploy posted by hand names no run and no ref: posting it again while it is watched is the same deployment. */
    @Test
    void the_same_commit_posted_again_without_a_run_or_ref_joins_its_open_watch() {
        String byHand = """
                {"deployment_request":"Deploy","repository_full_name":"acme/by-hand","status":"success",
                 "commit_sha":"e1e1e1e1"}""";
        String first = api.post(DEPLOY, byHand).json().get("agent_session_id").asText();
        String again = api.post(DEPLOY, byHand).json().get("agent_session_id").asText();
        String other = api.post(DEPLOY, byHand.replace("e1e1e1e1", "f2f2f2f2")).json().get("agent_session_id")
                .asText();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Repository names are one repository whatever their case, as on GitHub; the first spelling is kept. */
    @Test
    void a_repository_spelled_in_another_case_is_the_same_project() {
        String body = "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"%s\","
                + "\"external_url\":\"https://ci.example.com/run/%s\"}";
        var first = api.post(DEPLOY, body.formatted("Acme/CaseKept", "1")).json();
        var second = api.post(DEPLOY, body.formatted("acme/casekept", "2")).json();
        String firstProject = api.get(DEPLOY + first.get("id").asText() + "/").json().get("project").get("id").asText();
        var again = api.get(DEPLOY + second.get("id").asText() + "/").json();
        assertThat(again.get("project").get("id").asText()).isEqualTo(firstProject);
        assertThat(again.get("repository_full_name").asText()).isEqualTo("Acme/CaseKept");
        assertThat(api.get(DEPLOY + "?repository=ACME/CASEKEPT").json().get("count").asInt()).isEqualTo(2);
    }

    /** Only a real key in the query is refused; "mc_" in a repository name is an ordinary filter value. */
    @Test
    void a_repository_filter_containing_mc_is_an_ordinary_filter() {
        api.post(DEPLOY, "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/mc_service\"}");
        var list = api.get(DEPLOY + "?repository=acme/mc_service");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void twenty_parallel_posts_with_one_idempotency_key_create_one_row() throws Exception {
        String body = "{\"deployment_request\":\"Idempotent deploy\",\"repository_full_name\":\"acme/idem\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Api.Reply> call = () -> api.post(DEPLOY, body, Map.of("Idempotency-Key", "deploy-42"));
            replies.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            statuses.add(r.status());
            if (r.status() == 201) {
                ids.add(r.json().get("id").asText());
            }
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(ids).hasSize(1);
        assertThat(api.get(DEPLOY + "?repository=acme/idem").json().get("count").asInt()).isEqualTo(1);
        var replay = api.post(DEPLOY, body, Map.of("Idempotency-Key", "deploy-42"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asText()).isEqualTo(ids.iterator().next());
        var reordered = api.post(DEPLOY, "{\"repository_full_name\":\"acme/idem\",\"deployment_request\":"
                + "\"Idempotent deploy\"}", Map.of("Idempotency-Key", "deploy-42"));
        assertThat(reordered.status()).as("the same fields in another order are the same request").isEqualTo(201);
        assertThat(reordered.header("Idempotent-Replayed")).isEqualTo("true");
        var different = api.post(DEPLOY, body.replace("Idempotent", "Other"), Map.of("Idempotency-Key", "deploy-42"));
        assertProblem(different, 422);
    }

    @Test
    void bodies_differing_only_in_non_ascii_text_are_different_requests_under_one_key() {
        String rocket = "{\"deployment_request\":\"🚀 Deploy v2\",\"repository_full_name\":\"acme/idem-utf8\"}";
        var first = api.post(DEPLOY, rocket, Map.of("Idempotency-Key", "deploy run 43"));
        assertThat(first.status()).as("a key may hold spaces: " + first.body()).isEqualTo(201);

        var fire = api.post(DEPLOY, rocket.replace("🚀", "🔥"), Map.of("Idempotency-Key", "deploy run 43"));

        assertProblem(fire, 422);
        assertThat(api.post(DEPLOY, rocket, Map.of("Idempotency-Key", "deploy run 43")).header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void a_refusal_quoting_text_outside_ascii_is_utf8_like_every_other_answer() {
        var refused = api.post("/api/v1/notifications/webhooks/", "{\"kind\":\"webhook\",\"url\":"
                + "\"https://bücher.example/hook\",\"secret\":\"abcdefghijklmnopqrstuvwxyz123456\"}");

        assertProblem(refused, 422);
        assertThat(refused.json().path("detail").asText()).contains("names its host as 'bücher.example'")
                .endsWith("here 'xn--bcher-kva.example'");
    }

    @Test
    void a_created_deployment_or_session_is_located_where_it_can_be_read_also_on_a_replay() {
        String body = "{\"deployment_request\":\"Located\",\"repository_full_name\":\"acme/loc\"}";
        var deployment = api.post(DEPLOY, body, Map.of("Idempotency-Key", "located-1"));
        var replay = api.post(DEPLOY, body, Map.of("Idempotency-Key", "located-1"));
        var session = api.post(SESSIONS, "{\"prompt\":\"where am I?\"}");

        String location = deployment.header("Location");
        assertThat(location).isEqualTo("/api/v1/deployments/" + deployment.json().get("id").asText() + "/");
        assertThat(replay.header("Location")).isEqualTo(location);
        assertThat(api.get(location).status()).isEqualTo(200);
        assertThat(session.header("Location"))
                .isEqualTo("/api/v1/agent-sessions/" + session.json().get("session_id").asText() + "/");
    }

    @Test
    void a_key_whose_request_is_still_in_flight_answers_409_with_retry_after() {
        String body = "{\"deployment_request\":\"In flight\",\"repository_full_name\":\"acme/idem-flight\"}";
        var jdbi = server.app().database().jdbi();
        String org = new dev.missioncontrol.orgs.OrgStore(jdbi, java.time.Clock.systemUTC()).findOrgByName("default")
                .orElseThrow().id();
        // another node has claimed the key and not yet committed its answer
        new IdempotencyStore(jdbi, server.app().database().dialect(), java.time.Clock.systemUTC()).claim(org, "/api/v1/deployments", "deploy-in-flight",
                Creation.bodyHash(dev.missioncontrol.store.Json.read(body)));

        var r = api.post(DEPLOY, body, Map.of("Idempotency-Key", "deploy-in-flight"));

        assertProblem(r, 409);
        assertThat(r.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void gzip_bodies_are_accepted() throws IOException {
        byte[] gz = Investigations.gzip("{\"deployment_request\":\"Zipped\",\"repository_full_name\":\"acme/web\"}".getBytes());
        var r = api.postBytes(DEPLOY, gz, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void a_since_whose_offset_plus_was_sent_unencoded_is_read_as_meant() {
        api.post(DEPLOY, "{\"deployment_request\":\"Since\",\"repository_full_name\":\"acme/since-plus\"}");
        String hourAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1)).minusHours(1)
                .withNano(0).toString(); // e.g. 2026-11-29T21:10:00+01:00, its '+' decoded as a space

        var later = api.get(DEPLOY + "?repository=acme/since-plus&since=" + hourAgo);
        var tomorrow = api.get(DEPLOY + "?repository=acme/since-plus&since=" + hourAgo.replaceFirst("^(\\d{4})",
                String.valueOf(java.time.Year.now().getValue() + 1)));

        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("count").asInt()).isEqualTo(1);
        assertThat(tomorrow.json().get("count").asInt()).isZero();
    }

    @Test
    void lists_paginate_with_cursors() {
        for (int i = 0; i < 5; i++) {
            api.post(DEPLOY, "{\"deployment_request\":\"Page " + i + "\",\"repository_full_name\":\"acme/pages\"}");
        }
        var first = api.get(DEPLOY + "?repository=acme/pages&limit=3").json();
        assertThat(first.get("results").size()).isEqualTo(3);
        assertThat(first.get("count").asInt()).as("every match, over all pages").isEqualTo(5);
        var second = api.get(DEPLOY + "?repository=acme/pages&limit=3&cursor=" + first.get("next").asText()).json();
        assertThat(second.get("results").size()).isEqualTo(2);
        assertThat(second.get("count").asInt()).isEqualTo(5);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(first.get("results").get(0).get("deployment_request").asText()).isEqualTo("Page 4");
    }

    @Test
    void another_organizations_objects_are_not_found() {
        String otherKey = server.newOrgKey("other-" + System.nanoTime(), Scope.all());
        Api other = server.api(otherKey);
        var mine = api.post(DEPLOY, "{\"deployment_request\":\"Mine\",\"repository_full_name\":\"acme/web\"}").json();
        var session = api.post(SESSIONS, "{\"prompt\":\"Mine\"}").json();
        assertProblem(other.get(DEPLOY + mine.get("id").asText() + "/"), 404);
        assertProblem(other.get(SESSIONS + session.get("session_id").asText() + "/"), 404);
        assertProblem(other.get(SESSIONS + session.get("session_id").asText() + "/events/"), 404);
        assertProblem(other.post(SESSIONS + session.get("session_id").asText() + "/messages/", "{\"content\":\"hi\"}"), 404);
        assertThat(other.get(DEPLOY).json().get("count").asInt()).isZero();
    }

    /** HEAD is the GET route without its body: the same checks of scope, owner and parameters, the same status. */
    @Test
    void head_answers_what_get_answers_without_the_body() {
        var mine = api.post(DEPLOY, "{\"deployment_request\":\"Head\",\"repository_full_name\":\"acme/web\"}").json();
        String path = DEPLOY + mine.get("id").asText() + "/";
        var head = api.head(path);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.body()).isEmpty();
        assertThat(server.api(server.newOrgKey("head-" + System.nanoTime(), Scope.all())).head(path).status())
                .as("another organization's deployment").isEqualTo(404);
        String readOnly = server.newOrgKey("head-ro-" + System.nanoTime(), Set.of(Scope.DEPLOYMENTS_READ));
        assertThat(server.api(readOnly).head(SESSIONS).status()).isEqualTo(403);
        assertThat(api.head(DEPLOY + "?limit=abc").status()).isEqualTo(api.get(DEPLOY + "?limit=abc").status())
                .isEqualTo(422);
        String session = api.post(SESSIONS, "{\"prompt\":\"Head\"}").json().get("session_id").asText();
        var stream = api.send(api.builder(SESSIONS + session + "/events/").header("Accept", "text/event-stream")
                .HEAD().build(), java.time.Duration.ofSeconds(10));
        assertThat(stream.status()).as("a HEAD opens no endless stream").isEqualTo(200);
        assertThat(api.get("/metrics").body()).as("counted as the HEAD it was").contains("method=\"HEAD\"");
    }

    /** A question to a cancelled session is answered, and the session ends cancelled again, not "completed". */
    @Test
    void a_cancelled_session_answers_a_question_and_stays_cancelled() {
        String id = api.post(DEPLOY, "{\"deployment_request\":\"Cancel me\",\"status\":\"running\","
                + "\"repository_full_name\":\"acme/web\"}").json().get("agent_session_id").asText();
        assertThat(api.post(SESSIONS + id + "/cancel/", "{}").status()).isEqualTo(200);
        JsonNode stopped = java.util.stream.StreamSupport.stream(api.get(SESSIONS + id + "/events/").json()
                .get("results").spliterator(), false).filter(e -> e.path("data").path("status").asText()
                .equals("cancelled")).findFirst().orElseThrow();
        assertThat(stopped.path("text").asText()).as("the timeline says who stopped the watch")
                .isEqualTo("Session cancelled by first key");
        assertThat(stopped.path("data").path("sender").path("key_id").asText()).isNotBlank();
        assertThat(api.post(SESSIONS + id + "/messages/", "{\"content\":\"why did it stop?\"}").status())
                .isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            JsonNode events = api.get(SESSIONS + id + "/events/").json().get("results");
            return events.get(events.size() - 1).path("data").path("status").asText().equals("cancelled")
                    && events.toString().contains("why did it stop?") && events.size() > 4;
        });
        assertThat(api.get(SESSIONS + id + "/").json().get("status").asText()).isEqualTo("cancelled");
        var again = api.post(SESSIONS + id + "/cancel/", "{}");
        assertThat(again.json().get("context")).as("an ended session's cancel answers the session whole")
                .isEqualTo(api.get(SESSIONS + id + "/").json().get("context"));
    }

    /** A client that lost the answer to its question retries it; the session reads the question once. */
    @Test
    void a_message_retried_with_its_idempotency_key_is_posted_once_and_the_key_belongs_to_its_session() {
        String id = cancelledSession("Ask twice");
        String other = cancelledSession("Ask elsewhere");
        String question = "{\"content\":\"is it the cache?\"}";
        var first = api.post(SESSIONS + id + "/messages/", question, Map.of("Idempotency-Key", "ask-1"));
        var retried = api.post(SESSIONS + id + "/messages", question, Map.of("Idempotency-Key", "ask-1"));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("seq")).isEqualTo(first.json().get("seq"));
        var elsewhere = api.post(SESSIONS + other + "/messages/", question, Map.of("Idempotency-Key", "ask-1"));
        assertThat(elsewhere.status()).isEqualTo(202);
        assertThat(elsewhere.header("Idempotent-Replayed")).as("the same key on another session").isNull();
        assertThat(api.post(SESSIONS + id + "/messages/", "{\"content\":\"or the database?\"}",
                Map.of("Idempotency-Key", "ask-1")).status()).as("another question under the key").isEqualTo(422);
        long asked = StreamSupport.stream(api.get(SESSIONS + id + "/events/?limit=500").json().get("results")
                .spliterator(), false).filter(e -> e.get("type").asText().equals("message")
                        && e.path("data").path("content").asText().equals("is it the cache?")).count();
        assertThat(asked).isEqualTo(1);
    }

    private String cancelledSession(String request) {
        String id = api.post(DEPLOY, "{\"deployment_request\":\"" + request + "\",\"status\":\"running\","
                + "\"repository_full_name\":\"acme/web\"}").json().get("agent_session_id").asText();
        api.post(SESSIONS + id + "/cancel/", "{}");
        return id;
    }

    @Test
    void the_timeline_pages_by_next_until_every_event_is_read() {
        String id = api.post(DEPLOY, "{\"deployment_request\":\"Pages\",\"status\":\"running\","
                + "\"repository_full_name\":\"acme/web\"}").json().get("agent_session_id").asText();
        api.post(SESSIONS + id + "/cancel/", "{}");
        List<Long> all = new ArrayList<>();
        api.get(SESSIONS + id + "/events/").json().get("results").forEach(e -> all.add(e.get("seq").asLong()));
        assertThat(all).hasSizeGreaterThan(1);
        List<Long> paged = new ArrayList<>();
        String next = SESSIONS + id + "/events/?limit=1";
        while (next != null) {
            JsonNode page = api.get(next).json();
            page.get("results").forEach(e -> paged.add(e.get("seq").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void a_bad_nested_field_is_named_by_its_json_pointer() {
        var r = api.post(SESSIONS, "{\"prompt\":\"p\",\"context\":{\"logs\":5}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/context/logs");
    }

    /** "At most N characters" counts what people count: an emoji is one character, not two UTF-16 units. */
    @Test
    void text_limits_count_characters() {
        String id = api.post(SESSIONS, "{\"prompt\":\"Limits\"}").json().get("session_id").asText();
        String emoji = "\uD83D\uDE00";
        assertThat(api.post(SESSIONS + id + "/messages/", "{\"content\":\"" + emoji.repeat(10_001) + "\"}").status())
                .isEqualTo(202);
        assertThat(api.post(SESSIONS + id + "/messages/", "{\"content\":\"" + emoji.repeat(20_001) + "\"}").status())
                .isEqualTo(422);
        assertThat(api.post("/api/v1/signals/", "{\"samples\":[{\"name\":\"m\",\"value\":1,\"labels\":"
                + "{\"repository\":\"acme/web\",\"note\":\"" + emoji.repeat(600) + "\"}}]}").status()).isEqualTo(202);
    }

    @Test
    void a_key_without_the_scope_gets_403() {
        String readOnly = server.newOrgKey("ro-" + System.nanoTime(), Set.of(Scope.DEPLOYMENTS_READ));
        assertProblem(server.api(readOnly).post(DEPLOY, "{\"deployment_request\":\"x\",\"repository_full_name\":\"a/b\"}"), 403);
        assertThat(server.api(readOnly).get(DEPLOY).status()).isEqualTo(200);
    }

    /** Cancel needs sessions:write only, so without sessions:read it answers what was cancelled, not its contents. */
    @Test
    void a_write_only_key_cancels_without_reading_the_sessions_logs_or_report() {
        String id = api.post(SESSIONS, "{\"prompt\":\"Secret prompt\",\"context\":{\"logs\":\"ERROR pw=1\"}}")
                .json().get("session_id").asText();
        String writeOnly = server.sameOrgKey(Set.of(Scope.SESSIONS_WRITE));

        var cancelled = server.api(writeOnly).post(SESSIONS + id + "/cancel/", "{}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("session_id").asText()).isEqualTo(id);
        assertThat(cancelled.json().has("status")).isTrue();
        assertThat(cancelled.body()).doesNotContain("Secret prompt", "pw=1", "\"report\"", "\"title\"");
        assertThat(server.api(writeOnly).get(SESSIONS + id + "/").status()).isEqualTo(403);
        assertThat(api.post(SESSIONS + id + "/cancel/", "{}").json().get("prompt").asText())
                .isEqualTo("Secret prompt");
    }

    /**
     * Pasted logs may hold a NUL, which PostgreSQL cannot store in text. The session is accepted, and the NUL is kept
     * as U+FFFD on either database, so the report quoting those logs is stored instead of lost.
     */
    @Test
    void a_nul_in_pasted_logs_or_a_message_is_stored_as_a_replacement_and_the_report_is_kept() {
        String logs = "2026-01-15T10:30:00Z ERROR payment-api timeout after 30000 ms\\u0000\\n".repeat(20);
        var created = api.post(SESSIONS, "{\"prompt\":\"Why do payments fail?\",\"context\":{\"logs\":\"" + logs
                + "\",\"note\\u0000\":\"a\\u0000b\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("session_id").asText();
        var done = new Investigations(api).awaitReport(id, java.time.Duration.ofSeconds(60));
        JsonNode session = api.get(SESSIONS + id + "/").json();
        assertThat(done.status()).isEqualTo("completed");
        assertThat(session.path("report").asText()).isNotBlank().doesNotContain("\u0000");
        assertThat(session.path("context").path("note\uFFFD").asText()).isEqualTo("a\uFFFDb");
        var message = api.post(SESSIONS + id + "/messages/", "{\"content\":\"still \\u0000 failing\"}");
        assertThat(message.status()).as(message.body()).isEqualTo(202);
        assertThat(api.get(SESSIONS + id + "/events/").body()).contains("still \uFFFD failing");
    }

    @Test
    void every_bad_request_gets_a_documented_problem_and_never_a_500() throws IOException {
        List<BadRequest> cases = BadRequests.all(server, api);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        List<String> failed = new ArrayList<>();
        for (BadRequest c : cases) {
            try {
                c.verify();
            } catch (AssertionError | RuntimeException e) {
                failed.add(c.name() + ": " + e.getMessage());
            }
        }
        assertThat(failed).as("requests answered otherwise than documented").isEmpty();
    }

    /**
     * A refused body is read to its end before the refusal goes out. Answered while the client is still sending, the
     * server would close the connection with bytes unread, and the reset can discard the refusal before the client
     * reads it. Kept alive, the same connection then serves the next request.
     */
    @Test
    void a_refused_body_is_read_to_its_end_so_the_connection_stays_usable() throws IOException {
        byte[] overLimit = ("{\"deployment_request\":\"" + "h".repeat(1_900_000) + "\"}").getBytes();
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            var in = new DataInputStream(socket.getInputStream());
            out.write(("POST " + DEPLOY + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + server.firstKey()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + overLimit.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(overLimit);
            String refusal = RawConnection.readHead(in);
            assertThat(refusal).startsWith("HTTP/1.1 413").doesNotContainIgnoringCase("connection: close");
            out.write("POST /api/v1/deployments/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(RawConnection.readHead(in)).startsWith("HTTP/1.1 401");
        }
    }

    /** A client that waits for the go-ahead (Expect: 100-continue, as curl sends) is refused without sending. */
    @Test
    void a_client_waiting_to_send_a_refused_body_is_refused_without_being_asked_for_it() throws IOException {
        URI base = URI.create(server.baseUrl());
        for (String key : new String[] {server.firstKey(), "not-a-key"}) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST " + DEPLOY + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + key + "\r\nContent-Type: application/json\r\nContent-Length: 1900000\r\n"
                        + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = RawConnection.readHead(new DataInputStream(socket.getInputStream()));
                assertThat(answer).startsWith(key.equals("not-a-key") ? "HTTP/1.1 401" : "HTTP/1.1 413");
            }
        }
    }

    @Test
    void health_readiness_and_metrics_answer_without_a_key() {
        Api anonymous = server.api(null);
        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").json().get("status").asText()).isEqualTo("ready");
        assertThat(anonymous.get("/metrics").body()).contains("http_server_requests");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
