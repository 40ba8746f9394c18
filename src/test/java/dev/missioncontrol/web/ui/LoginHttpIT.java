package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The login form spoken to over plain HTTP, as a reverse proxy in front of the server and scripts do. The requests
 * reach the server with Host 127.0.0.1:port, as they do behind nginx's default {@code proxy_set_header Host
 * $proxy_host}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginHttpIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PUBLIC = "https://mc.example.com";

    /** Configured with its public URL; 127.0.0.1 is no trusted proxy. */
    private TestServer withBaseUrl;
    /** Behind a trusted proxy on 127.0.0.1, without a configured public URL. */
    private TestServer behindProxy;

    @BeforeAll
    void start() {
        withBaseUrl = TestServer.start(TestServer.Db.SQLITE, c -> c.withBaseUrl(PUBLIC + "/"));
        behindProxy = TestServer.start(TestServer.Db.SQLITE, trusting("127.0.0.1/32"));
    }

    @AfterAll
    void stop() {
        withBaseUrl.close();
        behindProxy.close();
    }

    @Test
    void accepts_a_login_posted_from_the_configured_public_url_and_refuses_other_sites() throws Exception {
        assertThat(login(withBaseUrl, "Origin", PUBLIC).statusCode()).isEqualTo(303);
        assertThat(login(withBaseUrl, "Origin", "https://mc.example.com:443").statusCode()).isEqualTo(303);
        assertThat(login(withBaseUrl, "Origin", "http://mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(withBaseUrl, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(login(withBaseUrl, "Origin", withBaseUrl.baseUrl()).statusCode()).isEqualTo(303);
        // the forwarded headers count only from a trusted proxy: anyone can send them
        var forged = login(withBaseUrl, "Origin", "https://evil.example", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("sent from another site");
    }

    @Test
    void accepts_a_login_whose_origin_a_trusted_proxy_forwarded() throws Exception {
        var proxied = login(behindProxy, "Origin", PUBLIC, "X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "mc.example.com", "X-Forwarded-For", "203.0.113.9");
        assertThat(proxied.statusCode()).isEqualTo(303);
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith(SessionCookie.NAME + "="));
        assertThat(login(behindProxy, "Origin", "https://evil.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(behindProxy, "Origin", PUBLIC, "X-Forwarded-Proto", "http", "X-Forwarded-Host",
                "mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(behindProxy, "Origin", PUBLIC).statusCode()).as("no forwarded host").isEqualTo(403);
    }

    /** The reviewer's case: a script (or a person on many devices) logging in a dozen times within a minute. */
    @Test
    void right_passwords_never_run_out_of_login_attempts_while_wrong_ones_do() throws Exception {
        for (int i = 0; i < 15; i++) {
            assertThat(login(behindProxy, "X-Forwarded-For", "198.51.100.7").statusCode()).as("login " + i)
                    .isEqualTo(303);
        }
        int refused = 0;
        for (int i = 0; i < 11; i++) {
            refused = wrongPassword(behindProxy, "198.51.100.8").statusCode();
        }
        assertThat(refused).as("the 11th wrong guess from one address").isEqualTo(429);
    }

    @Test
    void a_right_current_password_on_the_password_form_does_not_use_the_guessing_budget() throws Exception {
        Login me = Login.of(behindProxy, "198.51.100.9");
        String form = "_csrf=" + me.csrf() + "&current_password=" + URLEncoder.encode(
                behindProxy.app().firstStart().password(), StandardCharsets.UTF_8)
                + "&new_password=a+new+long+password&repeat_password=a+different+one";
        for (int i = 0; i < 12; i++) {
            var answer = me.send(HttpRequest.newBuilder(URI.create(behindProxy.baseUrl() + "/settings/password"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(answer.statusCode()).as("attempt " + i).isEqualTo(422);
            assertThat(answer.body()).contains("differ");
        }
    }

    @Test
    void api_answers_read_with_the_login_cookie_are_not_stored_by_any_cache() throws Exception {
        Login me = Login.of(behindProxy, "198.51.100.10");
        for (String path : List.of("/api/v1/deployments/", "/api/v1/agent-sessions/", "/api/v1/nothing-here")) {
            var answer = me.send(HttpRequest.newBuilder(URI.create(behindProxy.baseUrl() + path)));
            assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    /** A browser sends every field of the project form; a script that leaves some out still gets the form back. */
    @Test
    void a_project_form_missing_fields_is_refused_with_its_reason_not_a_500() throws Exception {
        Login me = Login.of(behindProxy, "198.51.100.11");
        var deploy = behindProxy.api().post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                + "\"repository_full_name\":\"acme/hand-made\"}");
        assertThat(deploy.status()).isEqualTo(201);
        var jdbi = behindProxy.app().database().jdbi();
        String project = jdbi.withHandle(h -> h.createQuery("SELECT id FROM projects WHERE repository_full_name = "
                + "'acme/hand-made'").mapTo(String.class).one());

        var answer = me.send(HttpRequest.newBuilder(URI.create(behindProxy.baseUrl() + "/settings/projects/"
                        + project)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + me.csrf() + "&bake_time=xyz")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("bake time");
    }

    /** A key with every scope acts as an admin through the API, so demoting its creator names it to be revoked. */
    @Test
    void demoting_an_admin_names_their_keys_that_still_act_as_an_admins() throws Exception {
        Login me = Login.of(behindProxy, "198.51.100.12");
        var jdbi = behindProxy.app().database().jdbi();
        var users = new dev.missioncontrol.orgs.UserStore(jdbi, java.time.Clock.systemUTC());
        String org = users.findByEmail(behindProxy.app().firstStart().email()).orElseThrow().orgId();
        String demoted = users.create(org, "demoted@example.com", dev.missioncontrol.orgs.User.Role.ADMIN,
                "a long enough password").id();
        var keys = new dev.missioncontrol.orgs.ApiKeyStore(jdbi, java.time.Clock.systemUTC());
        keys.create(org, "deploy pipeline", dev.missioncontrol.orgs.Scope.all(), "demoted@example.com");
        keys.create(org, "read only", java.util.Set.of(dev.missioncontrol.orgs.Scope.SESSIONS_READ),
                "demoted@example.com");

        var answer = me.send(HttpRequest.newBuilder(URI.create(behindProxy.baseUrl() + "/settings/users/" + demoted
                        + "/role")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + me.csrf() + "&role=member")));
        assertThat(answer.statusCode()).isEqualTo(303);
        var page = me.send(HttpRequest.newBuilder(URI.create(behindProxy.baseUrl() + "/settings")));

        var notice = java.util.regex.Pattern.compile("<p class=\"notice\" role=\"status\">([^<]*)</p>")
                .matcher(page.body());
        assertThat(notice.find()).as(page.body()).isTrue();
        assertThat(notice.group(1)).contains("Role changed. They created API keys with every scope")
                .contains("\"deploy pipeline\"").doesNotContain("read only");
    }

    /** A login's cookie and CSRF token, for requests a script sends as that person, from one client address. */
    record Login(TestServer server, String cookie, String csrf, String from) {
        static Login of(TestServer server, String from) throws IOException, InterruptedException {
            String cookie = login(server, "X-Forwarded-For", from).headers().firstValue("Set-Cookie").orElseThrow()
                    .split(";", 2)[0];
            var page = CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/settings"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            return new Login(server, cookie, csrf.group(1), from);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return CLIENT.send(request.header("Cookie", cookie).header("X-Forwarded-For", from).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static UnaryOperator<AppConfig> trusting(String block) {
        return c -> c.withLimits(c.limits().withTrustedProxies(List.of(block)));
    }

    /** Posts the first admin's right email and password with the given headers (name, value, name, value...). */
    static HttpResponse<String> login(TestServer server, String... headers) throws IOException, InterruptedException {
        return post(server, server.app().firstStart().password(), headers);
    }

    private static HttpResponse<String> wrongPassword(TestServer server, String from)
            throws IOException, InterruptedException {
        return post(server, "not the password", "X-Forwarded-For", from);
    }

    private static HttpResponse<String> post(TestServer server, String password, String... headers)
            throws IOException, InterruptedException {
        String form = "email=" + URLEncoder.encode(server.app().firstStart().email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
