package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.notify.Signature;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.MonitorFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The settings page drives the real features: the monitor's project settings, notify's webhooks, the LLM's status. */
class SettingsPageIT extends BrowserTestBase {

    /** A request the test's receiver got. */
    record Received(String signature, String timestamp, String body) {
    }

    @Test
    void a_webhook_added_on_the_page_gets_a_signed_test_and_the_delivery_shows_in_the_log() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        try {
            Page page = ui.adminPage();
            page.navigate("/settings#notifications");
            page.getByLabel("Kind").selectOption("webhook");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("ops receiver");
            page.getByLabel("Webhook URL").fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            button(page, "Add webhook").click();
            String secret = page.locator("#new-secret").textContent().strip();
            assertThat(secret).startsWith("whsec_");
            expect(page.locator("table.webhooks")).containsText("ops receiver");

            button(page, "Send test").click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("Test notification queued");
            expect(page.locator("#new-secret")).hasCount(0);
            await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
            Received r = received.get(0);
            assertThat(Signature.verify(secret, Long.parseLong(r.timestamp()), r.body(), r.signature())).isTrue();
            assertThat(Json.read(r.body()).path("event").asText()).isEqualTo("test");

            Locator logged = page.locator("table.deliveries tr", new Page.LocatorOptions().setHasText("ops receiver"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                page.reload();
                assertThat(logged.count()).isEqualTo(1);
            });
            expect(logged).containsText("200");
            expect(logged).containsText("delivered");
            expect(logged.locator(".badge.good")).hasCount(2); // this attempt's outcome, and the notification now
            expect(logged.locator("td").nth(2)).hasText("test"); // for no deployment
            expect(logged.locator("td").nth(5)).hasText("delivered");
            Locator health = page.locator("table.webhooks tr", new Page.LocatorOptions().setHasText("ops receiver"))
                    .locator(".webhook-health");
            expect(health.locator(".badge.good")).hasText("delivered"); // beside its name, how its deliveries go

            button(page.locator("table.webhooks tr", new Page.LocatorOptions().setHasText("ops receiver")),
                    "Remove ops receiver").click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("Webhook removed");
            expect(page.locator("table.webhooks")).hasCount(0);
            expect(logged).hasCount(1);
        } finally {
            receiver.stop(0);
        }
    }

    /** Trying a new webhook posts into its channel alone, not into every other one, the on-call channel among them. */
    @Test
    void a_webhooks_own_test_button_sends_to_it_alone() throws IOException {
        List<Received> toNew = new CopyOnWriteArrayList<>();
        List<Received> toOnCall = new CopyOnWriteArrayList<>();
        HttpServer fresh = receiver(toNew);
        HttpServer onCall = receiver(toOnCall);
        try {
            for (var hook : List.of(List.of("on-call", onCall), List.of("just added", fresh))) {
                ui.api().post("/api/v1/notifications/webhooks/", "{\"name\":\"" + hook.get(0) + "\",\"url\":"
                        + "\"http://127.0.0.1:" + ((HttpServer) hook.get(1)).getAddress().getPort() + "/hook\"}");
            }
            Page page = ui.adminPage();
            page.navigate("/settings#notifications");
            button(page.locator("table.webhooks tr", new Page.LocatorOptions().setHasText("just added")),
                    "Send a test to just added").click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("queued for that webhook alone");

            // queued before the page answered, so what was queued is known now
            int queuedForOnCall = ui.server.app().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) "
                    + "FROM notification_outbox o JOIN notification_webhooks w ON w.id = o.webhook_id WHERE w.name = "
                    + "'on-call'").mapTo(Integer.class).one());
            assertThat(queuedForOnCall).as("nothing for the on-call channel").isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> !toNew.isEmpty());
            assertThat(Json.read(toNew.get(0).body()).path("event").asText()).isEqualTo("test");
            assertThat(toOnCall).isEmpty();
        } finally {
            fresh.stop(0);
            onCall.stop(0);
        }
    }

    /** The page shows the newest attempts; "Older" reaches the rest, down to the oldest, and "Newest" leads back. */
    @Test
    void the_delivery_log_on_the_page_reaches_older_attempts() {
        JsonNode hook = ui.api().post("/api/v1/notifications/webhooks/", "{\"name\":\"archive\","
                + "\"url\":\"https://93.184.216.34/archive\"}").json();
        long longAgo = 1_577_836_800_000L; // older than whatever the other tests send
        ui.server.app().database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO notification_outbox (id, org_id, webhook_id, dedupe_key, payload, state, attempts, "
                    + "next_attempt_at, created_at) SELECT '01990000-0000-7000-8000-0000000000aa', org_id, id, "
                    + "'test:archive', '{}', 'dead', 25, ?, ? FROM notification_webhooks WHERE id = ?", longAgo,
                    longAgo, hook.get("id").asText());
            for (int i = 0; i < 25; i++) {
                h.execute("INSERT INTO notification_deliveries (id, org_id, outbox_id, webhook_id, attempt, "
                        + "status_code, error, duration_ms, created_at) SELECT ?, org_id, "
                        + "'01990000-0000-7000-8000-0000000000aa', id, ?, 500, ?, 5, ? FROM notification_webhooks "
                        + "WHERE id = ?", String.format("01990000-0000-7000-8000-0000000001%02d", i), i + 1,
                        "old attempt " + i, longAgo + i * 1_000L, hook.get("id").asText());
            }
        });
        Page page = ui.adminPage();
        page.navigate("/settings#notifications");
        Locator oldest = page.locator("table.deliveries td", new Page.LocatorOptions().setHasText("old attempt 0"));
        expect(page.locator("table.deliveries tbody tr")).hasCount(20);
        expect(oldest).hasCount(0);

        Locator older = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older").setExact(true));
        for (int click = 0; click < 5 && oldest.count() == 0; click++) {
            String cursor = older.getAttribute("href").replaceFirst("#.*", "").replaceFirst(".*\\?", "");
            older.click();
            page.waitForURL(url -> url.contains(cursor));
        }
        expect(oldest).hasCount(1);
        expect(older).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newest").setExact(true)).click();
        expect(oldest).hasCount(0);
    }

    /** A webhook whose alerts were given up on says so beside its name, and one click sends them once more. */
    @Test
    void given_up_notifications_are_sent_once_more_from_the_webhook_row() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        try {
            JsonNode hook = ui.api().post("/api/v1/notifications/webhooks/", "{\"name\":\"pager bridge\",\"url\":"
                    + "\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}").json();
            long now = System.currentTimeMillis();
            ui.server.app().database().jdbi().useHandle(h -> h.execute("INSERT INTO notification_outbox (id, org_id, "
                    + "webhook_id, dedupe_key, payload, state, attempts, next_attempt_at, created_at) SELECT "
                    + "'01990000-0000-7000-8000-000000000001', org_id, id, 'verdict:s1:degraded', "
                    + "'{\"event\":\"deployment.verdict\"}', 'dead', 8, ?, ? FROM notification_webhooks WHERE id = ?",
                    now, now, hook.get("id").asText()));
            Page page = ui.adminPage();
            page.navigate("/settings#notifications");
            Locator row = page.locator("table.webhooks tr", new Page.LocatorOptions().setHasText("pager bridge"));
            expect(row.locator(".webhook-health")).containsText("1 given up in the last 24 h");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Send given-up again to pager bridge")).click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("queued to be sent once more");
            await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
            assertThat(Json.read(received.get(0).body()).path("event").asText()).isEqualTo("deployment.verdict");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void a_webhook_on_a_private_network_is_refused_with_the_reason() {
        Page page = ui.adminPage();
        page.navigate("/settings#notifications");
        page.getByLabel("Webhook URL").fill("http://10.1.2.3/hook");
        button(page, "Add webhook").click();
        expect(page.getByRole(AriaRole.ALERT).first()).containsText("Webhook not added");
        expect(page.getByRole(AriaRole.ALERT).first()).containsText("--allow-cidr");
    }

    @Test
    void a_projects_monitor_settings_saved_on_the_page_are_what_the_monitor_reads() {
        String repo = "acme/settings-form";
        MonitorFixtures.registerProject(ui.server, repo, Json.object().put("owner", "team-a"));
        MonitorFixtures.registerProject(ui.server, "acme/another-service", Json.object());
        Page page = ui.adminPage();
        page.navigate("/settings#projects");
        // among several projects each is one line, its form folded until asked for
        Locator fold = page.locator("details.project-fold", new Page.LocatorOptions().setHasText(repo));
        expect(fold.locator("summary")).containsText("server's Prometheus · server's bake time · RED defaults");
        Locator form = fold.locator("form.project");
        expect(form.getByLabel("Prometheus URL")).isHidden();
        fold.locator("summary").click();
        form.getByLabel("Prometheus URL").fill("http://10.0.0.9:9090");
        form.getByLabel("Bake time").fill("7m");
        form.getByLabel("Metric 1 name").fill("typed_before_refusal");
        button(form, "Save project").click();
        // refused, but nothing typed is lost, and the reason sits beside the form
        expect(form.locator(".notice")).containsText("Prometheus URL");
        // the page opens at the refused project's reason, not at its top among every project's form
        expect(form.locator(".notice")).isFocused();
        expect(form.locator(".notice")).isInViewport();
        expect(form.getByLabel("Prometheus URL")).hasValue("http://10.0.0.9:9090");
        expect(form.getByLabel("Bake time")).hasValue("7m");
        expect(form.getByLabel("Metric 1 name")).hasValue("typed_before_refusal");
        assertThat(storedSettings(repo).has("bake_time")).isFalse();

        form.getByLabel("Prometheus URL").fill("http://127.0.0.1:9090");
        form.getByLabel("Bake time").fill("5m");
        form.getByLabel("Warm-up").fill("5m");
        button(form, "Save project").click();
        // a warm-up as long as the bake would leave nothing to judge
        expect(form.locator(".notice")).containsText("warm-up");
        form.getByLabel("Warm-up").fill("45s");
        form.getByLabel("Metric 1 name").fill("checkout_errors");
        form.getByLabel("Metric 1 query").fill("sum(rate(errors{service=\"{{service}}\"}[1m]))");
        form.getByLabel("Metric 1 critical").check();
        button(form, "Save project").click();
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("Project settings saved");
        // back at the saved project, unfolded, its line saying what it now is
        expect(form.getByLabel("Prometheus URL")).isVisible();
        expect(fold.locator("summary")).containsText("own Prometheus · bake 5m · 1 metric · warm-up 45s");

        JsonNode stored = storedSettings(repo);
        MonitorSettings read = MonitorSettings.read(stored);
        assertThat(read.prometheusUrl()).isEqualTo("http://127.0.0.1:9090");
        assertThat(read.bake()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.warmup()).isEqualTo(Duration.ofSeconds(45));
        assertThat(read.metrics()).containsExactly(new MetricDefinition("checkout_errors",
                "sum(rate(errors{service=\"{{service}}\"}[1m]))", Direction.INCREASE, true));
        assertThat(stored.path("owner").asText()).isEqualTo("team-a");
        expect(form.getByLabel("Metric 2 name")).hasValue("");

        // a metric added without choosing its direction takes the one its name says: less throughput is worse
        form.getByLabel("Metric 2 name").fill("checkout_throughput");
        form.getByLabel("Metric 2 query").fill("sum(rate(orders{service=\"{{service}}\"}[1m]))");
        button(form, "Save project").click();
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("Project settings saved");
        assertThat(MonitorSettings.read(storedSettings(repo)).metrics()).extracting(MetricDefinition::direction)
                .containsExactly(Direction.INCREASE, Direction.DECREASE);
    }

    @Test
    void the_llm_section_says_how_the_server_is_configured_and_offers_nothing_to_type_a_key_into() {
        Page page = ui.adminPage();
        page.navigate("/settings#llm");
        Locator llm = page.locator("#llm");
        expect(llm).containsText("No LLM is configured");
        expect(llm).containsText("MC_LLM_API_KEY");
        expect(llm.locator("input, select, textarea")).hasCount(0);
    }

    private JsonNode storedSettings(String repo) {
        var jdbi = ui.server.app().database().jdbi();
        String orgId = new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("default").orElseThrow().id();
        return jdbi.withHandle(h -> OrgStore.findProjectByRepository(h, orgId, repo)).orElseThrow().settings();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    /** Answers 200 to everything, and keeps what it got. */
    static HttpServer receiver(List<Received> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst(Signature.HEADER), h.getFirst(Signature.TIMESTAMP_HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
