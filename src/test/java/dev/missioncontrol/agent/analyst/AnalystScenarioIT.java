package dev.missioncontrol.agent.analyst;

import static dev.missioncontrol.agent.analyst.ReportAssertions.hasSectionsInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The analyst on a real server: a deploy shortly before errors, healthy logs, and a follow-up question. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystScenarioIT {
    static final String SHA = "9f3c2a7d1e5b4c8a0d6e2f1b3a5c7e9d";
    TestServer server;
    Api api;
    Investigations investigations;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.Db.SQLITE);
        api = server.api();
        investigations = new Investigations(api);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void names_the_deployment_that_landed_three_minutes_before_the_errors_first_with_commit_and_gap() {
        var deploy = deployed("acme/orders", "Apply coupons at checkout");
        Instant deployedAt = Instant.parse(deploy.json().get("created_at").asText());
        String logs = ordersLogs(deployedAt, Duration.ofMinutes(3));

        var done = investigate("Why does checkout fail for the orders service?", logs);

        String report = done.report();
        hasSectionsInOrder(report);
        String firstCause = firstCause(report);
        assertThat(firstCause).contains(deploy.json().get("id").asText()).contains(SHA.substring(0, 12))
                .contains("3m 0s");
        assertThat(report).contains("Most likely cause (high confidence): The deployment");
        assertThat(report).contains("NullPointerException").contains("Background problems that predate the incident");
        String answer = ask(done.sessionId(), "what changed before?");
        assertThat(answer).contains(SHA.substring(0, 12)).contains("3m 0s");
        String searched = ask(done.sessionId(), "any lines mentioning 'stale entry'?");
        assertThat(searched).containsPattern("\\d+ lines mention 'stale entry'").contains("cache-1 answered slowly")
                .containsPattern("\n- context.logs line \\d+").doesNotContain("- - ");
    }

    @Test
    void names_the_deployment_ci_recorded_a_minute_after_the_first_error_as_its_rollout_ended() {
        var deploy = deployed("acme/invoices", "Switch invoice renderer to new PDF library");
        Instant recordedAt = Instant.parse(deploy.json().get("created_at").asText());

        var done = investigate("invoices", "Why do invoices fail to render?", invoicesLogs(recordedAt));

        assertThat(firstCause(done.report())).contains(deploy.json().get("id").asText())
                .contains("which was recorded 1m 0s after the first error").contains("(confidence: high)");
        assertThat(ask(done.sessionId(), "what changed before?")).contains(SHA.substring(0, 12))
                .contains("was recorded 1m 0s after the first error").doesNotContain("cannot have caused it");
    }

    @Test
    void answers_every_question_sent_in_quick_succession_in_the_order_asked() {
        var done = investigate("Why does checkout fail for the orders service?",
                ordersLogs(Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(3)));
        List<String> questions = List.of("any lines mentioning 'stale entry'?", "what changed before?",
                "any lines mentioning 'checkout'?", "when did it start?");
        long firstAsked = -1;
        for (String question : questions) { // all accepted before the agent answers any
            var r = api.post("/api/v1/agent-sessions/" + done.sessionId() + "/messages/",
                    Json.object().put("content", question).toString());
            assertThat(r.status()).isEqualTo(202);
            firstAsked = firstAsked < 0 ? r.json().path("seq").asLong() : firstAsked;
        }
        List<String> answers = new ArrayList<>();
        long after = firstAsked;
        await().atMost(Duration.ofSeconds(30)).until(() -> agentAnswers(done.sessionId(), after, answers) >= 4);
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0)).contains("'stale entry'");
        assertThat(answers.get(2)).contains("'checkout'");
    }

    @Test
    void connects_the_first_bad_line_to_the_project_metrics_that_moved_with_it() {
        String report = paymentsIncident("acme/payments", 6.0);

        assertThat(report).contains("Metrics moved at the first bad line: error_rate high")
                .doesNotContain("Metrics: ")
                .containsPattern(": first bad line \\(context.logs line 121\\): `[^`]+`; the line before it, "
                        + "line 120: `\\S+ INFO  payments - POST /charge 200 in 40ms`\n");
    }

    @Test
    void a_signature_beside_metrics_that_moved_does_not_claim_no_metrics_were_checked() {
        String report = paymentsIncident("acme/payments-signature", 6.0, true, false,
                "POST /charge failed: java.net.SocketTimeoutException: Read timed out");

        assertThat(report).contains("Metrics moved at the first bad line: error_rate high")
                .contains("Network or upstream timeout")
                .contains("Matched by the text of the lines only; the metrics above show when things moved")
                .doesNotContain("no metrics were checked");
    }

    @Test
    void says_when_the_project_metrics_did_not_move_with_the_first_bad_line() {
        String report = paymentsIncident("acme/payments-flat", 1.0);

        assertThat(report).contains("None of the project's 1 metrics moved the bad way at the first bad line")
                .doesNotContain("Metrics moved");
    }

    @Test
    void finds_the_project_by_its_service_name_when_the_request_names_no_repository() {
        String report = paymentsIncident("acme/billing", 6.0, false);

        assertThat(report).contains("Metrics moved at the first bad line: error_rate high");
    }

    @Test
    void a_service_name_two_projects_share_names_neither_rather_than_the_oldest() {
        MonitorFixtures.deploy(api, "grp/sub/ledger", "pending"); // the older project named "ledger"
        String report = paymentsIncident("acme/ledger", 6.0, false);

        assertThat(report).contains("Metrics: `ledger` is the service name of 2 projects (`acme/ledger`, "
                + "`grp/sub/ledger`), and a guess between them would report one's metrics as the service's")
                .doesNotContain("Metrics moved").doesNotContain("acme/api");
    }

    @Test
    void the_timeline_names_the_projects_a_shared_service_name_belongs_to_as_the_session_starts() {
        MonitorFixtures.deploy(api, "grp/sub/ledger2", "pending");
        MonitorFixtures.deploy(api, "acme/ledger2", "pending");
        var body = Json.object().put("prompt", "Why are payments failing?");
        body.putObject("context").put("service", "ledger2").put("logs", Instant.now() + " ERROR ledger2 - down\n");
        String id = investigations.start(Investigations.utf8(body.toString()));

        JsonNode second = api.get("/api/v1/agent-sessions/" + id + "/events/?limit=2").json().path("results").get(1);
        assertThat(second.path("text").asText()).isEqualTo("The service name \"ledger2\" belongs to 2 projects "
                + "(acme/ledger2, grp/sub/ledger2), so the session looks at none of their metrics or deployments; "
                + "context.repository_full_name names one of them");
        assertThat(second.path("data").path("service_shared_by")).extracting(JsonNode::asText)
                .containsExactly("acme/ledger2", "grp/sub/ledger2");
        investigations.awaitReport(id, Duration.ofMinutes(2));
    }

    @Test
    void a_service_name_no_project_has_is_named_as_the_reason_no_metrics_were_compared() {
        assertThat(reportNaming("service", "never-deployed")).contains("Metrics: `never-deployed` is the service "
                + "name of no project of this organization (a project's service name");
    }

    @Test
    void a_repository_that_is_no_project_is_named_as_the_reason_no_metrics_were_compared() {
        assertThat(reportNaming("repository_full_name", "acme/never-deployed")).contains("Metrics: the request's "
                + "`context.repository_full_name`, `acme/never-deployed`, is not a project of this organization, so "
                + "none were compared");
    }

    /** The report on a card-processor timeout whose request names its project only by {@code field}. */
    private String reportNaming(String field, String value) {
        var body = Json.object().put("prompt", "Why are payments failing?");
        body.putObject("context").put(field, value)
                .put("logs", Instant.now() + " ERROR payments - POST /charge failed: card processor timeout\n");
        return investigations.awaitReport(investigations.start(Investigations.utf8(body.toString())),
                Duration.ofMinutes(2)).report();
    }

    @Test
    void says_when_the_metric_moved_no_further_than_it_does_every_hour() {
        String report = paymentsIncident("acme/payments-bursty", 6.0, true, true);

        assertThat(report).contains("None of the project's 1 metrics moved the bad way at the first bad line; "
                + "moved no further than they often did before: error_rate pass")
                .containsPattern("ordinary: \\d+ of \\d+ earlier windows moved as much");
    }

    private String paymentsIncident(String repo, double after) {
        return paymentsIncident(repo, after, true);
    }

    private String paymentsIncident(String repo, double after, boolean namesRepository) {
        return paymentsIncident(repo, after, namesRepository, false);
    }

    /**
     * Six hours of error_rate before the 20 minutes of calm that precede the onset: every hour, half an hour
     * around 9 and half an hour around 1, the last half hour before the calm at 9.
     */
    private void pushHourlyBursts(String repo, Instant onset) {
        var samples = MonitorFixtures.samples(repo, "error_rate", onset.minus(Duration.ofHours(6)),
                Duration.ofSeconds(30), 680, 1.0, 3);
        MonitorFixtures.push(api, MonitorFixtures.multiplyWhere(samples, t -> {
            long minutesBefore = Duration.between(t, onset).toMinutes();
            return minutesBefore >= 30 && (minutesBefore / 30) % 2 == 1;
        }, 9));
    }

    /**
     * Card-processor timeouts from 20 minutes ago on, with the project's error rate at {@code after} from then; the
     * request names the repository, or only the service (the name part of the repository). With
     * {@code burstsEveryHour}, the error rate had bursts as large every hour before ({@link #pushHourlyBursts}).
     */
    private String paymentsIncident(String repo, double after, boolean namesRepository, boolean burstsEveryHour) {
        return paymentsIncident(repo, after, namesRepository, burstsEveryHour,
                "POST /charge failed: card processor timeout after 5000ms");
    }

    /** The same incident, its error lines reading {@code errorLine}. */
    private String paymentsIncident(String repo, double after, boolean namesRepository, boolean burstsEveryHour,
            String errorLine) {
        Instant onset = paymentsSignals(repo, after, burstsEveryHour);
        var body = Json.object().put("prompt", "Why are payments failing?");
        var context = body.putObject("context").put("logs", paymentsLogs(onset, errorLine))
                .put("service", repo.substring(repo.indexOf('/') + 1));
        if (namesRepository) {
            context.put("repository_full_name", repo);
        }
        return investigations.awaitReport(investigations.start(Investigations.utf8(body.toString())),
                Duration.ofMinutes(2)).report();
    }

    /** Registers the project and pushes its error rate, at {@code after} from the onset on; answers the onset. */
    private Instant paymentsSignals(String repo, double after, boolean burstsEveryHour) {
        MonitorFixtures.deploy(api, repo, "pending"); // registers the project; pending starts no verification
        Instant onset = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        if (burstsEveryHour) {
            pushHourlyBursts(repo, onset);
        }
        MonitorFixtures.push(api, MonitorFixtures.samples(repo, "error_rate", onset.minus(Duration.ofMinutes(20)),
                Duration.ofSeconds(30), 40, 1.0, 1));
        MonitorFixtures.push(api, MonitorFixtures.samples(repo, "error_rate", onset.plusSeconds(5),
                Duration.ofSeconds(30), 38, after, 2));
        return onset;
    }

    /** Twenty minutes of good charges, then twenty of {@code errorLine}, from the onset on. */
    private static String paymentsLogs(Instant onset, String errorLine) {
        StringBuilder logs = new StringBuilder();
        for (int i = -120; i < 120; i++) {
            Instant at = onset.plusSeconds(10L * i);
            logs.append(at).append(i < 0 ? " INFO  payments - POST /charge 200 in 40ms\n"
                    : " ERROR payments - " + errorLine + "\n");
        }
        return logs.toString();
    }

    /** The server takes the project from the alert's label, as it would from {@code context.service}. */
    @Test
    void finds_the_project_by_the_service_the_pasted_alert_is_labelled_with() {
        Instant onset = paymentsSignals("acme/cart", 6.0, false);
        Instant fired = onset.plusSeconds(60);
        var body = Json.object().put("prompt", "Why is this alert firing?");
        body.putObject("context").put("logs", paymentsLogs(onset, "POST /charge failed: card processor timeout"))
                .put("alert", AlertReportTest.webhook("cart", fired, "cart 5xx rate above 5%").toString());

        String report = investigations.awaitReport(investigations.start(Investigations.utf8(body.toString())),
                Duration.ofMinutes(2)).report();

        assertThat(report).contains("Metrics moved at the first bad line: error_rate high").doesNotContain("Metrics: ")
                .contains("- " + fired + ": alert HighErrorRate fired (critical): cart 5xx rate above 5%\n")
                .contains("Alert HighErrorRate fired at " + fired + ": the first bad line came 1m 0s before it")
                .contains("The service, cart, is taken from the alert's `service` label");
    }

    @Test
    void says_no_problem_was_found_in_healthy_logs_instead_of_inventing_a_cause() {
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            Instant at = start.plusSeconds(3L * i);
            logs.append(at).append(" INFO  orders - GET /api/orders/").append(1000 + i).append(" 200 in ")
                    .append(10 + (i * 7) % 13).append("ms\n");
            if (i % 50 == 0) {
                logs.append(at).append(" INFO  orders - cache refreshed with ").append(200 + i % 7).append(" items\n");
            }
        }
        var done = investigate("Is anything wrong with the orders service?", logs.toString());

        String report = done.report();
        hasSectionsInOrder(report);
        assertThat(report).contains("No problem found").contains("No cause to rank")
                .doesNotContain("Most likely cause");
    }

    @Test
    void completes_on_a_log_line_with_a_path_of_thousands_of_segments() {
        var done = investigate("Why do uploads fail?", "2026-11-29T08:00:00Z ERROR upload failed path="
                + "/a".repeat(8000) + "\n");
        assertThat(done.report()).contains("upload failed");
    }

    /** A successful deployment of commit SHA, recorded now, as CI posts it when the rollout ends. */
    private Api.Reply deployed(String repository, String commitMessage) {
        var deploy = api.post("/api/v1/deployments/", Json.object().put("deployment_request", "Deploy " + repository)
                .put("repository_full_name", repository).put("status", "success").put("commit_sha", SHA)
                .put("commit_message", commitMessage).toString());
        assertThat(deploy.status()).isEqualTo(201);
        return deploy;
    }

    private Investigations.Finished investigate(String prompt, String logs) {
        return investigate("orders", prompt, logs);
    }

    private Investigations.Finished investigate(String service, String prompt, String logs) {
        var body = Json.object().put("prompt", prompt);
        body.putObject("context").put("logs", logs).put("service", service);
        String id = investigations.start(Investigations.utf8(body.toString()));
        var done = investigations.awaitReport(id, Duration.ofMinutes(2));
        assertThat(done.status()).isEqualTo("completed");
        return done;
    }

    private String ask(String sessionId, String question) {
        var r = api.post("/api/v1/agent-sessions/" + sessionId + "/messages/",
                Json.object().put("content", question).toString());
        assertThat(r.status()).isEqualTo(202);
        long asked = r.json().path("seq").asLong(-1);
        List<String> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> agentAnswers(sessionId, asked, answers) > 0);
        return answers.get(0);
    }

    /** Fills {@code answers} with the agent's messages after {@code seq}, oldest first; returns how many. */
    private int agentAnswers(String sessionId, long seq, List<String> answers) {
        answers.clear();
        for (JsonNode e : api.get("/api/v1/agent-sessions/" + sessionId + "/events/?after=" + seq).json()
                .path("results")) {
            if (e.path("type").asText().equals("message") && e.path("data").path("role").asText().equals("agent")) {
                answers.add(e.path("text").asText());
            }
        }
        return answers.size();
    }

    /** The first ranked hypothesis under "Likely cause". */
    private static String firstCause(String report) {
        String section = report.substring(report.indexOf("## Likely cause"), report.indexOf("## Timeline"));
        int second = section.indexOf("\n2. ");
        return second < 0 ? section : section.substring(0, second);
    }

    /**
     * Ten minutes of normal traffic with a steady background warning, the deploy, and from {@code errorsAfter} on a
     * null pointer at checkout, all timed from the deployment's own created_at.
     */
    static String ordersLogs(Instant deployedAt, Duration errorsAfter) {
        StringBuilder b = new StringBuilder();
        Instant from = deployedAt.minus(Duration.ofMinutes(10));
        Instant errorsFrom = deployedAt.plus(errorsAfter);
        for (int s = 0; s <= 18 * 60; s += 5) {
            Instant at = from.plusSeconds(s);
            b.append(at).append(" INFO  orders - GET /api/orders 200 in ").append(10 + s % 17).append("ms\n");
            if (s % 120 == 0) {
                b.append(at).append(" WARN  orders - cache node cache-1 answered slowly, served a stale entry\n");
            }
            if (!at.isBefore(errorsFrom) && s % 10 == 0) {
                b.append(at).append(" ERROR orders - POST /api/checkout failed: java.lang.NullPointerException: ")
                        .append("Cannot invoke \"Coupon.discount()\" because \"coupon\" is null\n");
            }
        }
        return b.toString();
    }

    /**
     * Invoices rendered every 30 s, the new version starting 85 s before CI recorded its deployment, and from a minute
     * before that record every render failing, as a rollout's first new pods would.
     */
    static String invoicesLogs(Instant recordedAt) {
        StringBuilder b = new StringBuilder();
        for (int s = 600; s > 85; s -= 30) {
            b.append(recordedAt.minusSeconds(s)).append(" INFO  invoices - invoice rendered in 120ms\n");
        }
        b.append(recordedAt.minusSeconds(85)).append(" INFO  invoices - Starting Application v7.3.0\n");
        for (int s = 60; s >= 0; s -= 6) {
            b.append(recordedAt.minusSeconds(s)).append(" ERROR invoices - render failed: ")
                    .append("java.lang.NoSuchMethodError: 'void com.lowagie.text.Document.open(boolean)'\n");
        }
        return b.toString();
    }
}
