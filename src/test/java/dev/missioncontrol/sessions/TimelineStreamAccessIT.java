package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.SseReader;
import dev.missioncontrol.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A live timeline is only as good as the credential that opened it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineStreamAccessIT {
    TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.Db.SQLITE);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_stream_opened_with_a_key_ends_once_the_key_is_revoked() throws Exception {
        String key = server.newOrgKey("watcher-" + System.nanoTime(), Scope.all());
        Api watcher = new Api(server.baseUrl(), key);
        String id = watcher.post("/api/v1/agent-sessions/", "{\"prompt\":\"watch me\"}").json()
                .path("session_id").asText();
        String url = server.baseUrl() + "/api/v1/agent-sessions/" + id + "/events/";
        CompletableFuture<List<SseReader.Frame>> stream = CompletableFuture.supplyAsync(() -> read(url, key));
        Thread.sleep(500); // the stream is open and following

        new ApiKeyStore(server.app().database().jdbi(), Clock.systemUTC()).revoke(key.substring(3, 11), null);

        // without the recheck the stream would go on with keep-alives for as long as the client listens
        List<SseReader.Frame> frames = stream.get(TimelineFeed.RECHECK_MS + 10_000, TimeUnit.MILLISECONDS);
        assertThat(frames).isNotEmpty();
        assertThat(watcher.get("/api/v1/agent-sessions/" + id + "/events/").status()).isEqualTo(401);
    }

    @Test
    void a_verdict_wait_held_with_a_key_answers_401_once_the_key_is_revoked() throws Exception {
        String key = server.newOrgKey("waiter-" + System.nanoTime(), Scope.all());
        Api waiter = new Api(server.baseUrl(), key);
        String id = waiter.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\",\"status\":\"running\","
                + "\"repository_full_name\":\"acme/waited\"}").json().get("id").asText();
        long started = System.nanoTime();
        CompletableFuture<Api.Reply> waiting = CompletableFuture.supplyAsync(() -> waiter.send(
                waiter.builder("/api/v1/deployments/" + id + "/?wait=60").GET().build(), Duration.ofSeconds(90)));
        Thread.sleep(500); // the poll is in its wait

        new ApiKeyStore(server.app().database().jdbi(), Clock.systemUTC()).revoke(key.substring(3, 11), null);

        Api.Reply reply = waiting.get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).as("a revoked key is not handed the deployment").isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ended by the revocation, not the wait")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_stream_a_browser_opened_with_its_login_ends_once_the_person_logs_out() throws Exception {
        var jdbi = server.app().database().jdbi();
        String org = new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("default").orElseThrow().id();
        User person = new UserStore(jdbi, Clock.systemUTC()).create(org, "watcher-" + System.nanoTime()
                + "@example.com", User.Role.MEMBER, "a long enough password");
        WebSessionStore logins = new WebSessionStore(jdbi, Clock.systemUTC());
        String token = logins.create(person).token();
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"watch me too\"}").json()
                .path("session_id").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/agent-sessions/" + id
                + "/events/")).header("Accept", "text/event-stream").header("Cookie", "__Host-mc_session=" + token)
                .build();
        CompletableFuture<List<SseReader.Frame>> stream = CompletableFuture.supplyAsync(() -> read(request));
        Thread.sleep(500);

        logins.delete(token);

        assertThat(stream.get(TimelineFeed.RECHECK_MS + 10_000, TimeUnit.MILLISECONDS)).isNotEmpty();
    }

    private static List<SseReader.Frame> read(String url, String key) {
        try {
            return SseReader.read(url, key, null, frame -> false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SseReader.Frame> read(HttpRequest request) {
        try {
            return SseReader.read(request, frame -> false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
