package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Screenshots of every page, for the README's copies under docs/screenshots:
 * {@code ./mvnw -B -ntp test -Dtest=ScreenshotsIT -Dmc.screenshots=docs/screenshots}. It takes pictures rather than
 * testing anything the page tests do not, so the test run passes it over (it cost a minute of CI) unless asked for.
 */
@EnabledIfSystemProperty(named = "mc.screenshots", matches = ".+")
class ScreenshotsIT extends BrowserTestBase {
    private final Path dir = Path.of(System.getProperty("mc.screenshots"));

    @Test
    void takes_a_screenshot_of_every_page() throws java.io.IOException {
        JsonNode marginal = deploy("Deploy v2.4.0 to production", "acme/checkout", "9f1c2ab7e4", "success");
        DeploymentPagesIT.setVerdict(ui, marginal, "marginal");
        deploy("Deploy v2.4.1 hotfix", "acme/checkout", "4be1c09d2a", "running");
        JsonNode healthy = deploy("Deploy search v3.0.0", "acme/search", "c0ffee1234", "success");
        DeploymentPagesIT.setVerdict(ui, healthy, "healthy");

        Page login = ui.chromium.context(ui.base()).newPage();
        login.navigate("/login");
        shoot(login, "login");

        Page page = ui.adminPage();
        SessionPageIT.startInvestigation(page, "Checkout returns 502 since 14:05",
                "{\"service\": \"checkout\", \"environment\": \"production\"}",
                "2026-03-01T10:00:03Z ERROR pool exhausted after 30000 ms\n");
        expect(page.locator("#session-status")).hasText("completed");
        page.locator("#timeline > li.ev-tool_result summary").click();
        shoot(page, "session");
        for (String[] p : new String[][] {{"/", "dashboard"}, {"/agents", "agents"}, {"/deployments", "deployments"},
                {"/deployments/" + marginal.path("id").asText(), "deployment"}}) {
            page.navigate(p[0]);
            page.waitForLoadState();
            shoot(page, p[1]);
        }
        shootSettings(page);

        Page phone = ui.loggedIn(ui.admin().email(), ui.admin().password(),
                o -> o.setViewportSize(390, 844).setIsMobile(true).setDeviceScaleFactor(2));
        shoot(phone, "dashboard-phone");
        Page dark = ui.loggedIn(ui.admin().email(), ui.admin().password(), o -> o.setColorScheme(ColorScheme.DARK));
        dark.navigate("/deployments/" + marginal.path("id").asText());
        expect(dark.locator("#monitor-chart canvas").first()).isVisible();
        shoot(dark, "deployment-dark");
    }

    /** The settings page with a configured project, a webhook that answered a test, and a key just created. */
    private void shootSettings(Page page) throws java.io.IOException {
        MonitorSettings checkout = new MonitorSettings(null, null, Duration.ofMinutes(45), null, List.of(
                new MetricDefinition("error_rate", "sum(rate(http_requests_total{service=\"{{service}}\",code=~\"5..\"}[1m]))",
                        Direction.INCREASE, true),
                new MetricDefinition("latency_p95_seconds", "histogram_quantile(0.95, sum by (le) (rate("
                        + "http_request_duration_seconds_bucket{service=\"{{service}}\"}[1m])))", Direction.INCREASE,
                        false)));
        var jdbi = ui.server.app().database().jdbi();
        OrgStore orgs = new OrgStore(jdbi, Clock.systemUTC());
        String orgId = orgs.findOrgByName("default").orElseThrow().id();
        var project = jdbi.withHandle(h -> OrgStore.findProjectByRepository(h, orgId, "acme/checkout")).orElseThrow();
        orgs.updateProjectSettings(orgId, project.id(), checkout.writeInto(project.settings()));
        List<SettingsPageIT.Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = SettingsPageIT.receiver(received);
        try {
            ui.api().post("/api/v1/notifications/webhooks/", "{\"name\":\"on-call\",\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/mission-control\"}");
            page.navigate("/settings");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test")).click();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                page.reload();
                return page.locator("table.deliveries .badge.good").count() > 0;
            });
        } finally {
            receiver.stop(0);
        }
        page.getByLabel("New key name").fill("GitHub Actions");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        shoot(page, "settings");
    }

    private JsonNode deploy(String request, String repo, String sha, String status) {
        String body = Json.write(Json.object().put("deployment_request", request).put("repository_full_name", repo)
                .put("commit_sha", sha).put("commit_message", "Raise checkout timeouts").put("status", status)
                .put("ref", "refs/heads/main"));
        return ui.api().post("/api/v1/deployments/", body).json();
    }

    private void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }
}
