package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every member reads a session's page, so each person's message says who sent it; "you" only to its sender. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageSenderIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String MEMBER = "member@example.com";
    private static final String MEMBER_PASSWORD = "a long enough password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private TestServer server;
    private String admin;
    private String page;

    @BeforeAll
    void anAdminAndAKeyEachAskedSomething() throws Exception {
        server = TestServer.start(TestServer.Db.SQLITE);
        admin = server.app().firstStart().email();
        var jdbi = server.app().database().jdbi();
        var users = new UserStore(jdbi, Clock.systemUTC());
        String org = users.findByEmail(admin).orElseThrow().orgId();
        users.create(org, MEMBER, User.Role.MEMBER, MEMBER_PASSWORD);
        String ciKey = new ApiKeyStore(jdbi, Clock.systemUTC()).create(org, "ci pipeline", Scope.all(), null)
                .plaintext();
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Who asked?\"}").json()
                .path("session_id").asText();
        new Investigations(server.api()).awaitReport(id, Duration.ofSeconds(60));
        page = "/agents/" + id;

        String adminCookie = login(admin, server.app().firstStart().password());
        String csrf = csrfOf(get(page, adminCookie));
        var sent = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + page + "/messages"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&content=from+the+admin")), adminCookie);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(server.api(ciKey).post("/api/v1/agent-sessions/" + id + "/messages/",
                "{\"content\":\"from the pipeline\"}").status()).isEqualTo(202);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_member_sees_the_admins_message_and_the_keys_by_their_senders_and_none_as_theirs() throws Exception {
        String html = get(page, login(MEMBER, MEMBER_PASSWORD));
        assertThat(labelOf(html, "from the admin")).isEqualTo(admin);
        assertThat(labelOf(html, "from the pipeline")).isEqualTo("API key ci pipeline");
        assertThat(html).doesNotContain("<span class=\"ev-type\">you</span>");
    }

    @Test
    void the_sender_sees_their_own_message_as_theirs() throws Exception {
        String html = get(page, login(admin, server.app().firstStart().password()));
        assertThat(labelOf(html, "from the admin")).isEqualTo("you");
        assertThat(labelOf(html, "from the pipeline")).isEqualTo("API key ci pipeline");
    }

    @Test
    void the_timeline_records_who_sent_each_message() {
        String id = page.substring("/agents/".length());
        var events = server.api().get("/api/v1/agent-sessions/" + id + "/events/").json().path("results");
        var senders = new java.util.ArrayList<String>();
        events.forEach(e -> {
            if (e.path("data").path("role").asText().equals("user")) {
                senders.add(e.path("data").path("sender").path("name").asText());
            }
        });
        assertThat(senders).containsExactly(admin, "ci pipeline");
    }

    /** The label in the head of the timeline event whose text is {@code text}. */
    private static String labelOf(String html, String text) {
        Matcher m = Pattern.compile("<span class=\"ev-type\">([^<]*)</span>(?:(?!<li ).)*?" + Pattern.quote(text),
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("an event saying " + text).isTrue();
        return m.group(1);
    }

    private String login(String email, String password) throws Exception {
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var answer = CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private String get(String path, String cookie) throws Exception {
        var answer = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)), cookie);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        return CLIENT.send(request.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
