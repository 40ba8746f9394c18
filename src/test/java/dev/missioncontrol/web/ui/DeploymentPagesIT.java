package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.MonitorFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.missioncontrol.testing.StubHttpServer;
import org.junit.jupiter.api.Test;

/** Deployments posted through the API, as the dashboard and the deployment page show them. */
class DeploymentPagesIT extends BrowserTestBase {

    @Test
    void a_deployment_posted_through_the_api_appears_on_the_dashboard_with_its_verdict_badge() {
        JsonNode judged = deploy("Deploy v2.4.0 to production", "acme/checkout", "9f1c2ab7e4", "success");
        // still running, so it has no verdict yet
        deploy("Deploy v2.4.1 <img src=x onerror=alert(1)>", "acme/checkout", "aa11bb22cc", "running");
        verdict(judged, "degraded");

        Page page = ui.adminPage();
        page.navigate("/");
        Locator degraded = page.locator("table.deployments tr", new Page.LocatorOptions().setHasText("Deploy v2.4.0 to production"));
        expect(degraded.locator("[data-verdict]")).hasText("degraded");
        expect(degraded.locator(".verdict")).hasClass(java.util.regex.Pattern.compile(".*\\bbad\\b.*"));
        Locator pending = page.locator("table.deployments tr", new Page.LocatorOptions().setHasText("Deploy v2.4.1"));
        expect(pending.locator("[data-verdict]")).hasText("pending");
        expect(pending).containsText("<img src=x onerror=alert(1)>");
        Locator monitor = page.locator("section[aria-labelledby=active-title] tr",
                new Page.LocatorOptions().setHasText("Deploy v2.4.1")).first();
        expect(monitor).containsText("watching"); // its monitor sleeps between checks: not work in progress
        assertThat(ui.chromium.dialogs).isEmpty();
    }

    @Test
    void the_deployment_page_draws_the_monitor_chart_and_lists_the_checks() {
        JsonNode d = deploy("Deploy v3.0.0", "acme/search", "c0ffee1234", "success");
        verdict(d, "healthy");

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("healthy");
        expect(page.locator("#monitor-chart .uplot canvas").first()).isVisible();
        expect(page.locator("#monitor-chart figure")).hasCount(4);
        // a request rate of 236 to 240 is drawn from zero, so its one per cent of noise does not fill the chart
        expect(page.locator("#monitor-chart figure", new Page.LocatorOptions().setHasText("requests_per_second")))
                .hasAttribute("data-y-range", java.util.regex.Pattern.compile("^0 to 26\\d"));
        expect(page.locator("table.checks").first()).containsText("error_rate");
        page.locator("a", new Page.LocatorOptions().setHasText("Open the monitor session")).click();
        expect(page.locator("h1")).containsText("Deploy v3.0.0");

        JsonNode bad = deploy("Deploy v3.0.1", "acme/search", "c0ffee5678", "success");
        verdict(bad, "degraded");
        page.navigate("/deployments/" + bad.path("id").asText());
        var lastCheck = page.locator("table.checks").last();
        expect(lastCheck.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("error_rate")))
                .containsText("levels");
        expect(lastCheck.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("latency_p95_ms"))).containsText("extremes (110 beyond)");
        expect(page.locator("dl.facts")).not().containsText("Environment");
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    /** With no signals at all, the monitor's checks compare nothing; the page says so rather than draw empty tables. */
    @Test
    void a_check_without_data_says_so_instead_of_an_empty_table() {
        JsonNode d = deploy("Deploy quiet", "acme/quiet", "abcdef1234", "success");
        String session = "/api/v1/agent-sessions/" + d.path("agent_session_id").asText() + "/";
        await().atMost(Duration.ofSeconds(20)).until(() ->
                ui.api().get(session).json().path("status").asText().equals("completed"));
        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("inconclusive");
        expect(page.locator("section[aria-labelledby=checks-title]")).containsText("No metric had data to compare");
        expect(page.locator("section[aria-labelledby=checks-title] table.checks")).hasCount(0);
        // the monitor report's words: no Prometheus configured and nothing pushed
        expect(page.locator("#why-inconclusive")).containsText("No metric was available: no Prometheus is "
                + "configured to ask, and nothing was pushed.");
        expect(page.locator("#why-inconclusive")).containsText("Give the monitor data: configure Prometheus");
    }

    /** The reviewer's case: the page said pending while the API said inconclusive after its checks. */
    @Test
    void the_deployment_page_follows_the_verdict_until_it_is_final_without_a_reload() {
        JsonNode d = deploy("Deploy live", "acme/live", "11aa22bb33", "success");
        String session = d.path("agent_session_id").asText();
        setVerdict(ui, d, "pending");
        setSessionStatus(session, "active"); // the monitor still watching, as far as the page can tell

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("pending");
        expect(page.locator("#deployment-live")).hasAttribute("hx-trigger", "every 5s");
        page.evaluate("document.getElementById('monitor-chart').setAttribute('data-kept', 'yes')");
        String poll = page.locator("#deployment-live").getAttribute("hx-get");
        assertThat(UiHarness.fetch(page, "GET", poll, java.util.Map.of(), null)).as("nothing new yet").isEqualTo(204);
        assertThat(ui.server.api(null).get(poll).status()).as("no login: htmx's stop polling").isEqualTo(286);

        JsonNode judged = sampleVerdict(Instant.parse(d.path("created_at").asText()), "degraded");
        ui.server.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE deployments SET verdict = :v "
                + "WHERE session_id = :s").bind("v", Json.write(judged)).bind("s", session).execute());
        setSessionStatus(session, "completed");

        expect(page.locator(".verdict.big")).hasText("degraded");
        expect(page.locator("table.checks").last().locator("tr", new Locator.LocatorOptions()
                .setHasText("latency_p95_ms"))).containsText("high");
        expect(page.locator("#monitor-chart figure")).hasCount(4);
        expect(page.locator("#monitor-chart[data-kept]")).hasCount(0);
        expect(page.locator("#deployment-live")).not().hasAttribute("hx-trigger", "every 5s");
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    /**
     * A keyboard on the link to another deployment keeps it while the monitor's checks redraw the page; the verdict's
     * arrival is said once, in the page's one live region, and the notices each poll redraws are no live regions.
     */
    @Test
    void a_focused_link_keeps_the_focus_as_checks_arrive_and_the_final_verdict_is_said_once() {
        JsonNode other = deploy("Deploy search", "acme/focus", "9f8e7d6c5b4a", "success");
        JsonNode d = deploy("Deploy v4.0.0", "acme/focus", "ab12cd34ef", "success");
        String session = d.path("agent_session_id").asText();
        Instant at = Instant.parse(d.path("created_at").asText());
        setVerdict(ui, d, withOther(sampleVerdict(at, "pending"), other));
        setSessionStatus(session, "active");

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("pending");
        page.locator("#other-deployments a").focus();
        page.evaluate("window.said = []; new MutationObserver(() => window.said.push(document.getElementById("
                + "'verdict-announcer').textContent)).observe(document.getElementById('verdict-announcer'), "
                + "{childList: true, characterData: true, subtree: true})");
        JsonNode judged = withOther(sampleVerdict(at, "degraded"), other);
        ui.server.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE deployments SET verdict = :v "
                + "WHERE session_id = :s").bind("v", Json.write(judged)).bind("s", session).execute());
        setSessionStatus(session, "completed");

        expect(page.locator(".verdict.big")).hasText("degraded");
        expect(page.locator("#other-deployments a")).isFocused();
        expect(page.locator("#verdict-announcer")).containsText("Verdict degraded, final.");
        expect(page.locator("#verdict-announcer")).containsText(page.locator("#failing-metrics").textContent().strip());
        expect(page.locator("#deployment-live [role=status]")).hasCount(0);
        page.waitForTimeout(6_000); // a poll more, had the page kept polling
        assertThat((String) page.evaluate("window.said.filter(t => t.length > 0).join(' | ')"))
                .as("said once").startsWith("Verdict degraded, final.").doesNotContain(" | ");
        expect(page.locator("#deployment-live .table-wrap[tabindex='0']").first())
                .hasAttribute("aria-label", java.util.regex.Pattern.compile("Metrics of the check at .*"));

        page.navigate("/agents/" + session); // its session completed, in green; the deploy did not go well
        expect(page.locator("#session-verdict")).hasText("verdict degraded");
        expect(page.locator("#session-verdict")).hasClass(java.util.regex.Pattern.compile(".*\\bbad\\b.*"));
        expect(page.locator("#session-status")).hasText("completed");
    }

    private static JsonNode withOther(JsonNode verdict, JsonNode other) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) verdict).putArray("other_deployments").addObject()
                .put("id", other.path("id").asText()).put("commit_sha", "9f8e7d6c5b4a").put("status", "success")
                .put("created_at", other.path("created_at").asText());
        return verdict;
    }

    /** Why a metric has no result and what kept metrics out of a check, as the API's verdict says. */
    @Test
    void a_nodata_metric_shows_its_reason_and_a_check_its_problems() {
        JsonNode d = deploy("Deploy sparse", "acme/sparse", "44cc55dd66", "success");
        var verdict = Json.object().put("state", "inconclusive").putNull("score")
                .put("decided_at", d.path("created_at").asText());
        var check = verdict.putArray("checks").addObject().put("at", d.path("created_at").asText());
        check.putArray("metrics").addObject().put("name", "error_rate").put("baseline", 0.4).put("current", 0.5)
                .putNull("ratio").putNull("p_value").put("result", "nodata").put("direction", "increase")
                .put("reason", "2 samples before the deploy and 1 after it: the rank test needs at least 3 on each "
                        + "side");
        check.putArray("problems").add("latency_p95_ms not checked: Prometheus http://prom:9090 answered 502")
                .add("cpu_seconds not checked: <b>no series</b>");
        setVerdict(ui, d, verdict);

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator("table.checks tr", new Page.LocatorOptions().setHasText("error_rate")))
                .containsText("nodata 2 samples before the deploy and 1 after it");
        expect(page.locator("ul.problems li")).hasCount(2);
        expect(page.locator("ul.problems li").last()).hasText("cpu_seconds not checked: <b>no series</b>");
        expect(page.locator("#why-inconclusive")).containsText("Fix what kept the metrics from being read: "
                + "latency_p95_ms not checked: Prometheus http://prom:9090 answered 502 (and 1 more in the checks "
                + "below)");
    }

    /**
     * One failure among many passes scores marginal or healthy; the page names it before anything else, and marks
     * its row, while a request rate that rose (high, harmless) is not painted as a failure.
     */
    @Test
    void a_failure_the_score_outvoted_is_named_above_the_chart_and_only_failing_rows_are_marked() {
        JsonNode d = deploy("Deploy v3.2.0", "acme/outvoted", "ab12cd34ef", "success");
        var verdict = (com.fasterxml.jackson.databind.node.ObjectNode) sampleVerdict(
                Instant.parse(d.path("created_at").asText()), "marginal");
        var lastChecked = verdict.path("checks").get(3).path("metrics");
        ((com.fasterxml.jackson.databind.node.ObjectNode) lastChecked.get(2)).put("result", "high").put("current", 300)
                .put("ratio", 1.25);
        setVerdict(ui, d, verdict);

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator("#failing-metrics")).hasText("Marginal by its score, but 1 of 4 metrics failed: "
                + "error_rate 0.4 → 0.62 (1.55×)");
        var rows = page.locator("table.checks").last().locator("tbody tr");
        expect(rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("error_rate")))
                .hasClass("failing");
        expect(rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("error_rate")))
                .containsText("high · failing");
        expect(rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("requests_per_second")))
                .containsText("high · not failing");
        expect(page.locator("table.checks tr.failing")).hasCount(1);
    }

    @Test
    void other_deployments_within_the_compared_windows_are_named_and_linked_above_the_chart() {
        JsonNode other = deploy("Deploy search", "acme/overlap", "9f8e7d6c5b4a", "success");
        JsonNode d = deploy("Deploy v3.3.0", "acme/overlap", "ab12cd34ef", "success");
        var verdict = (com.fasterxml.jackson.databind.node.ObjectNode) sampleVerdict(
                Instant.parse(d.path("created_at").asText()), "degraded");
        verdict.putArray("other_deployments").addObject().put("id", other.path("id").asText())
                .put("commit_sha", "9f8e7d6c5b4a").put("status", "success")
                .put("created_at", other.path("created_at").asText());
        setVerdict(ui, d, verdict);

        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator("#other-deployments")).containsText("check whether a move is theirs");
        expect(page.locator("#other-deployments a")).hasText("commit 9f8e7d6c5b");
        expect(page.locator("#other-deployments a")).hasAttribute("href", "/deployments/" + other.path("id").asText());
    }

    @Test
    void the_deployment_page_names_the_environment_whose_signals_judged_it_as_text() {
        String body = Json.write(Json.object().put("deployment_request", "Deploy v3.1.0").put("repository_full_name",
                "acme/search").put("status", "running").set("event_metadata",
                Json.object().put("environment", "<b>staging</b>")));
        JsonNode d = ui.api().post("/api/v1/deployments/", body).json();
        Page page = ui.adminPage();
        page.navigate("/deployments/" + d.path("id").asText());
        expect(page.locator("dl.facts")).containsText("Environment<b>staging</b> (judged on its signals)");
        expect(page.locator("dl.facts b")).hasCount(0);
        page.navigate("/deployments");
        expect(page.locator("tr", new Page.LocatorOptions().setHasText("Deploy v3.1.0")))
                .containsText("acme/search to <b>staging</b>");
    }

    @Test
    void a_filter_that_matches_nothing_says_so_rather_than_that_there_are_no_deployments() {
        deploy("Deploy filtered", "acme/filtered", "77ee88ff99", "running");
        Page page = ui.adminPage();
        page.navigate("/deployments?repository=acme/<i>nothing</i>");
        expect(page.locator("main .card")).containsText("No deployment of acme/<i>nothing</i> matches the filter.");
        expect(page.locator("main .card")).not().containsText("No deployments yet");
    }

    /**
     * A deploy's long words wrap (its request, commit message, ref and CI link): the page never scrolls sideways, and
     * the verdict stays in view on a phone too.
     */
    @Test
    void a_long_deployment_request_wraps_and_the_verdict_stays_in_view() {
        String url = "https://ci.example.com/acme/checkout/actions/runs/" + "9".repeat(60) + "/attempts/1/jobs/deploy";
        String body = Json.write(Json.object().put("deployment_request", "Deploy " + url)
                .put("repository_full_name", "acme/checkout-long").put("commit_sha", "7e57ab1e99")
                .put("commit_message", "bump-" + "x".repeat(400)).put("ref", "refs/heads/" + "r".repeat(200))
                .put("external_url", url + "/" + "u".repeat(300)).put("status", "success"));
        var reply = ui.api().post("/api/v1/deployments/", body);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode d = reply.json();
        verdict(d, "healthy");

        for (int width : new int[] {1280, 390}) {
            Page page = ui.loggedIn(ui.admin().email(), ui.admin().password(),
                    o -> o.setViewportSize(width, 900));
            for (String path : new String[] {"/deployments", "/deployments/" + d.path("id").asText(), "/settings"}) {
                page.navigate(path);
                Object sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) sideways).intValue()).as(path + " at " + width + " px").isLessThanOrEqualTo(0);
            }
            page.navigate("/deployments?repository=acme/checkout-long");
            var verdict = page.locator("table.deployments [data-verdict]").first().boundingBox();
            assertThat(verdict.x + verdict.width).as("the verdict's right edge at " + width + " px")
                    .isLessThanOrEqualTo(width);
            page.navigate("/deployments/" + d.path("id").asText());
            assertThat(page.title()).as("the tab's title: the request's start, cut")
                    .startsWith("Deploy https://ci.example.com/").endsWith("… · Mission Control").hasSizeLessThan(100);
        }
    }

    /**
     * A GitLab project deep in its groups has a long path (underscores offer no place to break a line), which the deployment page's heading, the monitor session's
     * and the settings page's project heading all show; on a phone each wraps rather than pushing the page sideways.
     */
    @Test
    void a_long_repository_path_wraps_on_a_phone() {
        String repo = "platform_infrastructure/payments_and_billing/checkout_gateway_service_eu_west_1";
        JsonNode d = deploy("Deploy v9", repo, "5eed5eed12", "success");
        Page page = ui.loggedIn(ui.admin().email(), ui.admin().password(), o -> o.setViewportSize(390, 900));
        for (String path : new String[] {"/deployments/" + d.path("id").asText(),
                "/agents/" + d.path("agent_session_id").asText(), "/settings"}) {
            page.navigate(path);
            expect(page.locator("main")).containsText(repo);
            Object sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) sideways).intValue()).as(path + " at 390 px").isLessThanOrEqualTo(0);
        }
    }

    /** The lines under a commit's subject say why it was made; the page keeps them, folded under the subject. */
    @Test
    void the_deployment_page_keeps_the_whole_commit_message() {
        String body = Json.write(Json.object().put("deployment_request", "Deploy v5").put("status", "success")
                .put("repository_full_name", "acme/ledger").put("commit_sha", "5ab1e5ab1e")
                .put("commit_message", "Raise the pool size to 40\n\nThe nightly batch holds 30 connections "
                        + "for minutes.\nRisk: <b>more load</b> on the primary."));
        var reply = ui.api().post("/api/v1/deployments/", body);
        assertThat(reply.status()).isEqualTo(201);
        Page page = ui.adminPage();
        page.navigate("/deployments/" + reply.json().path("id").asText());
        Locator commit = page.locator("dl.facts div", new Page.LocatorOptions().setHasText("Commit"));
        expect(commit).containsText("Raise the pool size to 40");
        commit.locator("summary").click();
        expect(commit.locator("pre")).hasText("The nightly batch holds 30 connections for minutes.\n"
                + "Risk: <b>more load</b> on the primary.");
    }

    /**
     * Who was told is the first thing asked of a failed deploy: the page says that no webhook heard of it, or each
     * webhook's delivery, following it until delivered.
     */
    @Test
    void a_failed_deploys_page_says_who_was_notified_of_its_verdict() throws Exception {
        JsonNode untold = deploy("Deploy v5.0.0", "acme/notified", "5a5a5a5a5a", "failure");
        Page page = ui.adminPage();
        page.navigate("/deployments/" + untold.path("id").asText());
        expect(page.locator(".verdict.big")).hasText("failed");
        expect(page.locator("#notified")).containsText("No one was notified of this verdict: no webhook is configured");

        AtomicBoolean up = new AtomicBoolean();
        try (StubHttpServer receiver = new StubHttpServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            StubHttpServer.reply(exchange, up.get() ? 204 : 503, "");
        })) {
            var hook = ui.api().post("/api/v1/notifications/webhooks/", Json.write(Json.object()
                    .put("name", "on-call").put("url", receiver.baseUrl() + "/hook")));
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);
            try {
                JsonNode told = deploy("Deploy v5.0.1", "acme/notified", "5b5b5b5b5b", "failure");
                page.navigate("/deployments/" + told.path("id").asText());
                // the receiver answers 503 until it is up; the page follows the retries to the delivery
                expect(page.locator("#notified")).containsText("on-call: retrying at");
                expect(page.locator("#notified")).containsText("answered 503");
                up.set(true);
                expect(page.locator("#notified")).hasText("Notified of this verdict: on-call: delivered");

                // the fix, judged healthy on pushed samples, tells on-call that the alert is over
                MonitorFixtures.push(ui.api(), MonitorFixtures.samples("acme/notified", "error_rate",
                        Instant.now().minusSeconds(12), Duration.ofMillis(100), 120, 1.0, 3));
                JsonNode fixed = deploy("Deploy v5.0.2", "acme/notified", "5c5c5c5c5c", "success");
                MonitorFixtures.push(ui.api(), MonitorFixtures.samples("acme/notified", "error_rate",
                        Instant.parse(fixed.path("created_at").asText()).plusMillis(20), Duration.ofMillis(260), 40,
                        1.0, 5)); // reporting through the whole bake
                assertThat(MonitorFixtures.awaitVerdict(ui.api(), fixed.path("id").asText()).at("/verdict/state")
                        .asText()).isEqualTo("healthy");
                page.navigate("/deployments/" + fixed.path("id").asText());
                expect(page.locator("#notified")).hasText("Notified that this deploy ended an earlier one's alert: "
                        + "on-call: delivered");
            } finally {
                ui.api().send(ui.api().builder("/api/v1/notifications/webhooks/" + hook.json().path("id").asText()
                        + "/").DELETE().build());
            }
        }
    }

    private JsonNode deploy(String request, String repo, String sha, String status) {
        String body = Json.write(Json.object().put("deployment_request", request).put("repository_full_name", repo)
                .put("commit_sha", sha).put("ref", "refs/heads/main").put("status", status));
        var reply = ui.api().post("/api/v1/deployments/", body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json();
    }

    /** Stands in for the deploy monitor, which writes the verdict object API.md describes. */
    private void verdict(JsonNode deployment, String state) {
        setVerdict(ui, deployment, state);
    }

    /**
     * Waits for the real monitor (a 2 s bake in these tests) to finish, then writes the sample verdict over its
     * verdict, so the monitor cannot overwrite the sample afterwards.
     */
    static void setVerdict(UiHarness ui, JsonNode deployment, String state) {
        setVerdict(ui, deployment, sampleVerdict(Instant.parse(deployment.path("created_at").asText()), state));
    }

    static void setVerdict(UiHarness ui, JsonNode deployment, JsonNode verdict) {
        String session = "/api/v1/agent-sessions/" + deployment.path("agent_session_id").asText() + "/";
        await().atMost(Duration.ofSeconds(20)).until(() ->
                ui.api().get(session).json().path("status").asText().equals("completed"));
        ui.server.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE deployments SET verdict = :v "
                + "WHERE session_id = :s").bind("v", Json.write(verdict))
                .bind("s", deployment.path("agent_session_id").asText()).execute());
    }

    private void setSessionStatus(String sessionId, String status) {
        ui.server.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE agent_sessions SET status = :st "
                + "WHERE id = :s").bind("st", status).bind("s", sessionId).execute());
    }

    /**
     * A verdict as the judge would write it: four metrics at each check, decided from the last check, where
     * error_rate has risen by half (high) for a marginal verdict, and latency too for a degraded one.
     */
    static JsonNode sampleVerdict(Instant deployedAt, String state) {
        int failing = switch (state) {
            case "marginal" -> 1;
            case "degraded" -> 2;
            default -> 0;
        };
        var v = Json.object().put("state", state).put("score", 100.0 * (4 - failing) / 4);
        if (state.equals("pending")) {
            v.putNull("decided_at");
        } else {
            v.put("decided_at", deployedAt.plusSeconds(1800).toString());
        }
        var checks = v.putArray("checks");
        double[] errors = {0.41, 0.45, 0.52, failing > 0 ? 0.62 : 0.43};
        double[] latency = {172, 178, 186, failing > 1 ? 290 : 184};
        int[] after = {10, 30, 60, 300};
        for (int i = 0; i < after.length; i++) {
            boolean last = i == after.length - 1;
            var metrics = checks.addObject().put("at", deployedAt.plusSeconds(after[i]).toString())
                    .putArray("metrics");
            metric(metrics, "error_rate", 0.4, errors[i], last && failing > 0 ? 0.004 : 0.3);
            metric(metrics, "latency_p95_ms", 180, latency[i], last && failing > 1 ? 0.001 : 0.4);
            metric(metrics, "requests_per_second", 240, 236 + i, 0.6);
            metric(metrics, "cpu_seconds", 1.9, 1.95, 0.7);
        }
        return v;
    }

    /** A metric fails (high) when its rise is significant and at least 1.5x, as the judge grades it. */
    private static void metric(com.fasterxml.jackson.databind.node.ArrayNode metrics, String name, double baseline,
            double current, double p) {
        double ratio = current / baseline;
        boolean high = p < 0.02 && ratio >= 1.5;
        var m = metrics.addObject().put("name", name).put("baseline", baseline).put("current", current)
                .put("ratio", ratio).put("p_value", p).put("result", high ? "high" : "pass")
                .put("direction", name.startsWith("requests") ? "decrease" : "increase").put("failing", high);
        if (high) {
            m.put("severity", "high").put("found_by", name.startsWith("latency") ? "extremes" : "levels")
                    .put("effect", current - baseline);
        }
    }
}
