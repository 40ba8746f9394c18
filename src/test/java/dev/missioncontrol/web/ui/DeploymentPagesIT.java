package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deployments posted through the API, as the dashboard and the deployment page show them. */
class DeploymentPagesIT extends BrowserTestBase {

    @Test
    void a_deployment_posted_through_the_api_appears_on_the_dashboard_with_its_verdict_badge() {
        JsonNode judged = deploy("Deploy v2.4.0 to production", "acme/checkout", "9f1c2ab7e4");
        deploy("Deploy v2.4.1 <img src=x onerror=alert(1)>", "acme/checkout", "aa11bb22cc");
        verdict(judged, "degraded", 61.5);

        Page page = ui.adminPage();
        page.navigate("/");
        Locator degraded = page.locator("table.deployments tr", new Page.LocatorOptions().setHasText("Deploy v2.4.0 to production"));
        expect(degraded.locator("[data-verdict]")).hasText("degraded");
        expect(degraded.locator(".verdict")).hasClass(java.util.regex.Pattern.compile(".*\\bbad\\b.*"));
        Locator pending = page.locator("table.deployments tr", new Page.LocatorOptions().setHasText("Deploy v2.4.1"));
        expect(pending.locator("[data-verdict]")).hasText("pending");
        expect(pending).containsText("<img src=x onerror=alert(1)>");
        assertThat(ui.chromium.dialogs).isEmpty();
    }

    @Test
    void the_deployment_page_draws_the_monitor_chart_and_lists_the_checks() {
        JsonNode d = deploy("Deploy v3.0.0", "acme/search", "c0ffee1234");
        verdict(d, "healthy", 100.0);

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("healthy");
        expect(page.locator("#monitor-chart .uplot canvas").first()).isVisible();
        expect(page.locator("#monitor-chart figure")).hasCount(2);
        expect(page.locator("table.checks").first()).containsText("error_rate");
        page.locator("a", new Page.LocatorOptions().setHasText("Open the monitor session")).click();
        expect(page.locator("h1")).containsText("Deploy v3.0.0");
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    private JsonNode deploy(String request, String repo, String sha) {
        String body = Json.write(Json.object().put("deployment_request", request).put("repository_full_name", repo)
                .put("commit_sha", sha).put("ref", "refs/heads/main").put("status", "success"));
        var reply = ui.api().post("/api/v1/deployments/", body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json();
    }

    /** Stands in for the deploy monitor, which writes the verdict object API.md describes. */
    private void verdict(JsonNode deployment, String state, double score) {
        setVerdict(ui, deployment, state, score);
    }

    static void setVerdict(UiHarness ui, JsonNode deployment, String state, double score) {
        var store = new DeploymentStore(ui.server.app().database().jdbi());
        store.setVerdict(deployment.path("agent_session_id").asText(), sampleVerdict(
                Instant.parse(deployment.path("created_at").asText()), state, score));
    }

    static JsonNode sampleVerdict(Instant deployedAt, String state, double score) {
        var v = Json.object().put("state", state).put("score", score)
                .put("decided_at", deployedAt.plusSeconds(1800).toString());
        var checks = v.putArray("checks");
        double[] errors = {0.41, 0.45, 0.52, 0.48};
        int[] after = {10, 30, 60, 300};
        for (int i = 0; i < after.length; i++) {
            var metrics = checks.addObject().put("at", deployedAt.plusSeconds(after[i]).toString())
                    .putArray("metrics");
            metrics.addObject().put("name", "error_rate").put("baseline", 0.4).put("current", errors[i])
                    .put("ratio", errors[i] / 0.4).put("p_value", 0.3).put("result", "pass");
            metrics.addObject().put("name", "latency_p95_ms").put("baseline", 180).put("current", 170 + 8 * i)
                    .put("ratio", (170 + 8 * i) / 180.0).put("p_value", 0.4).put("result", "pass");
        }
        return v;
    }
}
