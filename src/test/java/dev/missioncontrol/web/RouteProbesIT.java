package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import io.javalin.event.HandlerMetaInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route the server has, API and pages, tried by someone it must refuse. A second organization, with the first
 * one's ids: what it reads never holds the first one's data, and what it posts changes nothing of it. A login cookie
 * without its CSRF token: no route that changes something takes it. The routes come from the server's own table, so
 * a route added later is probed too, or this test names it until it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteProbesIT {
    private static final String MARK = "orgA-only-3f9c";
    private static final String B_EMAIL = "someone@page-prober.test";
    private static final String B_PASSWORD = "the prober's long password";
    private static final Set<String> NOT_PROBED = Set.of("/login", "/logout", "/healthz", "/readyz", "/metrics",
            "/api/openapi.json", "/api/docs");

    private TestServer server;
    private Api orgA;
    private Api apiProber;
    private Map<String, String> idsOfA;

    @BeforeAll
    void two_organizations() {
        server = TestServer.start(TestServer.Db.SQLITE, MonitorFixtures.allowLoopback(null));
        orgA = server.api();
        // one organization probes the API, another the pages: the forms change the prober's own settings
        apiProber = server.api(server.newOrgKey("api-prober", Scope.all()));
        var jdbi = server.app().database().jdbi();
        server.newOrgKey("page-prober", Set.of(Scope.SESSIONS_READ));
        String pageOrg = new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("page-prober").orElseThrow().id();
        new UserStore(jdbi, Clock.systemUTC()).create(pageOrg, B_EMAIL, User.Role.ADMIN, B_PASSWORD);

        Map<String, String> ids = new java.util.HashMap<>();
        for (var write : writes().entrySet()) {
            var made = orgA.post(write.getKey(), write.getValue(), Map.of("Idempotency-Key", "shared-key"));
            assertThat(made.status()).as(write.getKey()).isBetween(200, 299);
            made.json().properties().forEach(field -> {
                if (field.getKey().endsWith("id")) {
                    ids.put("shared " + write.getKey() + field.getKey(), field.getValue().asText());
                }
            });
        }
        var deployment = orgA.post("/api/v1/deployments/", "{\"deployment_request\":\"" + MARK + "\","
                + "\"repository_full_name\":\"acme/isolation\",\"status\":\"running\"}").json();
        String session = orgA.post("/api/v1/agent-sessions/", "{\"prompt\":\"" + MARK + "\"}").json()
                .get("session_id").asText();
        String webhook = orgA.post("/api/v1/notifications/webhooks/", "{\"kind\":\"webhook\",\"name\":\"" + MARK
                + "\",\"url\":\"http://127.0.0.1:9/a\"}").json().get("id").asText();
        String orgAId = server.app().firstStart().orgId();
        ids.putAll(Map.of("deployment", deployment.get("id").asText(), "session", session, "webhook", webhook,
                "monitor", deployment.get("agent_session_id").asText(), "key", server.firstKey().substring(3, 11),
                "user", new UserStore(jdbi, Clock.systemUTC()).findByEmail(server.app().firstStart().email())
                        .orElseThrow().id(),
                "project", new OrgStore(jdbi, Clock.systemUTC()).projects(orgAId).getFirst().id()));
        idsOfA = Map.copyOf(ids);
        // the investigations finish first, so that only the probes could change org A's data from here on
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> orgA.get(
                "/api/v1/agent-sessions/?status=active&type=root_cause_analysis").json().get("count").asInt() == 0);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void no_api_route_shows_or_changes_another_organizations_data() {
        Snapshot before = snapshot();
        for (String route : routes(true)) {
            String method = route.split(" ")[0];
            String path = fill(route.split(" ")[1]);
            Api.Reply reply = switch (method) {
                case "GET" -> apiProber.get(path);
                case "POST" -> apiProber.post(path, writes().getOrDefault(path, "{\"content\":\"from b\"}"),
                        Map.of("Idempotency-Key", "shared-key"));
                case "PATCH" -> apiProber.patch(path, "{\"url\":\"https://93.184.216.34/from-b\"}");
                case "DELETE" -> apiProber.send(apiProber.builder(path).DELETE().build());
                default -> throw new AssertionError("a method the probe does not send: " + route);
            };
            assertNothingOfA(route, reply.status(), reply.body());
            assertThat(reply.header("Idempotent-Replayed")).as(route + ": another organization's answer replayed")
                    .isNull();
            if (!path.equals(route.split(" ")[1])) {
                assertThat(reply.status()).as(route + " with another organization's id").isEqualTo(404);
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void no_page_shows_or_changes_another_organizations_data() throws Exception {
        Snapshot before = snapshot();
        PageLogin b = PageLogin.of(server, B_EMAIL, B_PASSWORD);
        for (String route : routes(false)) {
            String method = route.split(" ")[0];
            String path = fill(route.split(" ")[1]);
            var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Cookie", b.cookie());
            if (method.equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(b.csrf())));
            }
            var reply = server.api(null).send(request.build());
            assertNothingOfA(route, reply.status(), reply.body());
            if (!path.equals(route.split(" ")[1])) {
                String where = reply.header("Location") == null ? "" : reply.header("Location");
                assertThat(reply.status() == 404 || where.contains("unknown")).as(route + " answered " + reply.status()
                        + " " + where + " for another organization's id").isTrue();
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** A cross-site form or script carries the cookie but cannot read the page's token. */
    @Test
    void no_route_that_changes_something_takes_a_login_cookie_without_its_csrf_token() {
        PageLogin prober = PageLogin.of(server, B_EMAIL, B_PASSWORD);
        Set<String> unsafe = new TreeSet<>(routes(false));
        unsafe.addAll(routes(true));
        unsafe.add("POST /logout");
        unsafe.removeIf(r -> r.startsWith("GET "));
        assertThat(unsafe).hasSizeGreaterThan(20);
        for (String route : unsafe) {
            String path = fill(route.split(" ")[1]);
            boolean api = path.startsWith("/api/");
            var reply = server.api(null).send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Cookie", prober.cookie())
                    .header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded")
                    .method(route.split(" ")[0], HttpRequest.BodyPublishers.ofString(api ? "{\"content\":\"x\"}"
                            : "content=x&name=x&scopes=sessions:read&prompt=x")).build());
            assertThat(reply.status()).as(route + " without the CSRF token").isEqualTo(403);
        }
    }

    /**
     * The creating POSTs, each with a body org A sends first under an Idempotency-Key the prober then sends too: an
     * answer replayed across organizations would name org A's ids.
     */
    private static Map<String, String> writes() {
        return Map.of("/api/v1/deployments/", "{\"deployment_request\":\"shared\",\"repository_full_name\":"
                        + "\"acme/isolation\",\"status\":\"running\"}",
                "/api/v1/agent-sessions/", "{\"prompt\":\"shared\"}",
                "/api/v1/signals/", "{\"samples\":[{\"name\":\"error_rate\",\"value\":1,\"labels\":{\"repository\":"
                        + "\"acme/isolation\"}}]}");
    }

    /** Each field any form reads, so every form acts as far as its checks let it. */
    private static String form(String csrf) {
        return "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&content=from+b"
                + "&role=member&name=b&scopes=sessions:read&kind=webhook&url=http://127.0.0.1:9/b"
                + "&bake_time=1m&repository_full_name=b/probe&email=other@page-prober.test"
                + "&password=another+long+password"
                + "&current_password=wrong&prompt=from+b";
    }

    /** "GET /api/v1/deployments/{id}" for each route of the API ({@code api}) or of the pages, each once. */
    private Set<String> routes(boolean api) {
        Set<String> routes = new TreeSet<>();
        for (HandlerMetaInfo r : server.app().web().routeTable()) {
            String path = r.getPath().endsWith("/") && r.getPath().length() > 1 ? r.getPath().substring(0,
                    r.getPath().length() - 1) : r.getPath();
            if (r.getHttpMethod().isHttpMethod() && !NOT_PROBED.contains(path) && !path.startsWith("/static")
                    && !path.startsWith("/webjars") && path.startsWith("/api/") == api) {
                routes.add(r.getHttpMethod().name() + " " + path + (api && !path.contains("{") ? "/" : ""));
            }
        }
        routes.removeIf(r -> r.startsWith("HEAD ")); // the GET route without its body
        return routes;
    }

    /** The path with org A's ids in its parameters, chosen by what the path names. */
    private String fill(String path) {
        Matcher param = Pattern.compile("\\{[^}]+}").matcher(path);
        if (!param.find()) {
            return path;
        }
        String kind = path.contains("deployments") ? "deployment" : path.contains("sessions")
                || path.contains("agents") ? "session" : path.contains("webhooks") ? "webhook"
                : path.contains("api-keys") ? "key" : path.contains("users") ? "user"
                : path.contains("projects") ? "project" : null;
        if (kind == null) {
            fail("the probe does not know which of org A's ids fits " + path + ": teach fill() about it");
        }
        return param.replaceAll(idsOfA.get(kind));
    }

    private void assertNothingOfA(String route, int status, String body) {
        assertThat(status).as(route).isLessThan(500);
        assertThat(body).as(route + " shows org A's data").doesNotContain(MARK);
        idsOfA.values().forEach(id -> assertThat(body).as(route + " names org A's " + id).doesNotContain(id));
    }

    /** What org A has, as org A sees it. */
    private Snapshot snapshot() {
        var jdbi = server.app().database().jdbi();
        String orgId = server.app().firstStart().orgId();
        OrgStore orgs = new OrgStore(jdbi, Clock.systemUTC());
        return new Snapshot(orgA.get("/api/v1/deployments/").body(), orgA.get("/api/v1/agent-sessions/?limit=100")
                .json().get("count").asInt(), orgA.get("/api/v1/agent-sessions/" + idsOfA.get("session")
                + "/events/").json().get("results").size(), orgA.get("/api/v1/notifications/webhooks/").body(),
                new UserStore(jdbi, Clock.systemUTC()).list(orgId).toString(),
                orgs.projects(orgId).stream().map(Project::toString).toList(), orgs.findOrg(orgId).orElseThrow()
                .toString());
    }

    /** Org A's data as org A reads it; the timeline's length stands for "no message or cancel was added". */
    private record Snapshot(String deployments, int sessions, int timelineEvents, String webhooks, String users,
            List<String> projects, String organization) {
    }

    /** A person's login to the pages: the cookie and the form token. */
    private record PageLogin(String cookie, String csrf) {
        static PageLogin of(TestServer server, String email, String password) {
            Api anonymous = server.api(null);
            var login = anonymous.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email,
                            StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password,
                            StandardCharsets.UTF_8))).build());
            String cookie = login.header("Set-Cookie").split(";", 2)[0];
            String page = anonymous.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/settings"))
                    .header("Cookie", cookie).build()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("logged in as " + email).isTrue();
            return new PageLogin(cookie, csrf.group(1));
        }
    }
}
