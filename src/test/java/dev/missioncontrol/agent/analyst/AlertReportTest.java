package dev.missioncontrol.agent.analyst;

import static dev.missioncontrol.agent.analyst.ReportAssertions.hasSectionsInOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The alert that paged the person, pasted into the context as Alertmanager sent it: it stands in the Timeline among
 * the log's moments, is lined up with the first bad line, and its labels name the service when nothing else does.
 */
class AlertReportTest {
    static final String FIRED = "2026-12-01T01:52:00Z";
    static final String ASKED = "2026-12-01T02:05:00Z";
    private final Playbook playbook = new Playbook();

    /** Alertmanager's webhook body for checkout's alert, fired at {@link #FIRED}, with the given summary. */
    static ObjectNode webhook(String summary) {
        return webhook("checkout", Instant.parse(FIRED), summary);
    }

    /** Alertmanager's webhook body for one firing HighErrorRate alert of {@code service}. */
    static ObjectNode webhook(String service, Instant fired, String summary) {
        ObjectNode body = Json.object().put("receiver", "sre-pager").put("status", "firing");
        ObjectNode alert = body.putArray("alerts").addObject().put("status", "firing")
                .put("startsAt", fired.toString()).put("endsAt", "0001-01-01T00:00:00Z")
                .put("generatorURL", "http://prometheus:9090/graph");
        alert.putObject("labels").put("alertname", "HighErrorRate").put("service", service)
                .put("severity", "critical").put("namespace", "prod");
        alert.putObject("annotations").put("summary", summary).put("description", "Over 5% of requests failed");
        body.putObject("groupLabels").put("alertname", "HighErrorRate");
        body.putObject("commonLabels").put("alertname", "HighErrorRate").put("service", service);
        return body.put("externalURL", "http://alertmanager:9093").put("version", "4");
    }

    /** Calm checkout traffic, then from 01:51:55 (5 s before the alert fired) failing payments. */
    static String checkoutLogs() {
        StringBuilder b = new StringBuilder();
        Instant from = Instant.parse("2026-12-01T01:45:00Z");
        for (int s = 0; s < 600; s += 5) {
            Instant at = from.plusSeconds(s);
            b.append(at).append(at.isBefore(Instant.parse("2026-12-01T01:51:55Z"))
                    ? " INFO  checkout - POST /checkout 200 in 40ms\n"
                    : " ERROR checkout - POST /checkout failed: payment gateway returned 502 Bad Gateway\n");
        }
        return b.toString();
    }

    private static SessionFacts facts(ObjectNode context, String project) {
        return new SessionFacts("s-alert", "o", project, "root_cause_analysis", "Why is this alert firing?", context,
                Instant.parse(ASKED));
    }

    @Test
    void the_alert_fires_in_the_timeline_after_the_first_bad_line_and_its_label_names_the_service() {
        ObjectNode context = Json.object().put("logs", checkoutLogs());
        context.set("alert", webhook("checkout 5xx rate above 5%"));

        String md = playbook.run(facts(context, null)).report().markdown();

        hasSectionsInOrder(md);
        String timeline = md.substring(md.indexOf("## Timeline"), md.indexOf("## Recommended actions"));
        assertThat(timeline).contains("- " + FIRED + ": alert HighErrorRate fired (critical): checkout 5xx rate "
                + "above 5%\n");
        assertThat(timeline.indexOf("2026-12-01T01:51:55Z: first bad line"))
                .isPositive().isLessThan(timeline.indexOf(FIRED + ": alert HighErrorRate"));
        assertThat(md).contains("### 1. Alert HighErrorRate fired at " + FIRED + ": the first bad line came 5.0 s "
                        + "before it")
                .contains("The service, checkout, is taken from the alert's `service` label")
                .contains("Read from context.alert.alerts.");
        assertThat(md.substring(0, md.indexOf("## Findings"))).contains("Alert HighErrorRate fired at " + FIRED);
        String notChecked = md.substring(md.indexOf("## Not checked"));
        assertThat(notChecked).doesNotContain("the request names no project")
                .contains("Metrics: `checkout`, which the alert's `service` label names, is the service name of no "
                        + "project of this organization")
                .contains("the live state of checkout");
    }

    /** The report is masked again wherever it is shown: a mask escaped as markup would lose what follows it. */
    @Test
    void a_secret_in_an_annotation_is_masked_and_masking_the_report_again_changes_nothing() {
        ObjectNode context = Json.object().put("logs", checkoutLogs());
        context.set("alert", webhook("login with password=hunter2hunter2 then checkout failed"));

        String md = playbook.run(facts(context, null)).report().markdown();

        assertThat(md).doesNotContain("hunter2").contains("password=" + Redactor.MASK + " then checkout failed");
        assertThat(Redactor.redact(md)).as("masked again, as the page and the API mask it").isEqualTo(md);
    }

    /** A warning that resolved before the page says less of when the problem began than the alert that paged. */
    @Test
    void the_alert_still_firing_is_the_one_deployments_are_lined_up_with() {
        ArrayNode listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-checkout").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-12-01T01:45:00Z").put("status", "success");
        ObjectNode body = webhook("checkout 5xx rate above 5%");
        ObjectNode warning = ((ArrayNode) body.get("alerts")).addObject().put("status", "resolved")
                .put("startsAt", "2026-12-01T01:30:00Z").put("endsAt", "2026-12-01T01:38:00Z");
        warning.putObject("labels").put("alertname", "CheckoutDiskWarning").put("service", "checkout")
                .put("severity", "info");
        ObjectNode context = Json.object();
        context.set("alert", body);

        String md = playbook.run(facts(context, "p-checkout"), ToolResult.ok("1 deployment", listed)).report()
                .markdown();

        assertThat(md).contains("A deployment landed 7m 0s before alert HighErrorRate fired")
                .contains("Alert HighErrorRate, the first still firing of 2 alerts, fired at " + FIRED)
                .contains("Summary: checkout 5xx rate above 5%. Description: Over 5% of requests failed.")
                .contains("Labels: namespace=prod, service=checkout, severity=critical.")
                .doesNotContain("No deployment came before").contains("roll it back");
    }

    /** An alert that pages with no logs beside it is no sign that nothing is wrong. */
    @Test
    void a_firing_alert_without_logs_asks_for_the_logs_rather_than_calling_it_quiet() {
        ObjectNode context = Json.object();
        context.set("alert", webhook("checkout 5xx rate above 5%"));

        var report = playbook.run(facts(context, null)).report();

        assertThat(report.outcome()).isEqualTo("Alert HighErrorRate is firing; no logs to analyse");
        assertThat(report.markdown()).doesNotContain("Nothing to fix").doesNotContain("nothing in the logs points")
                .doesNotContain("Nothing analysed").contains("Only the request's alerts were read")
                .contains("No cause to rank: alert HighErrorRate says when the problem showed, and no logs came with "
                        + "the request to say why.")
                .contains("- No logs came with the request: the alerts' moments below are what there is to go by.");
        assertThat(report.keyActions()).contains("Send the logs of checkout from a few minutes before " + FIRED
                + ", when alert HighErrorRate fired, to now: the alert says when the problem showed, the logs say why.");
    }

    /** A deployment CI recorded after the alert fired came after the problem showed: no rollback is advised. */
    @Test
    void a_deployment_recorded_after_the_alert_fired_is_named_but_not_suspected() {
        ArrayNode listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-late").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-12-01T02:04:20Z").put("status", "success").put("commit_sha", "f00dfeed1234");
        ObjectNode context = Json.object();
        context.set("alert", webhook("checkout 5xx rate above 5%"));

        String md = playbook.run(facts(context, "p-checkout"), ToolResult.ok("1 deployment", listed)).report()
                .markdown();

        assertThat(md).contains("No deployment came before alert HighErrorRate fired")
                .contains("12m 20s after alert HighErrorRate fired").contains("so it did not set it off")
                .doesNotContain("roll it back");
    }

    /** The session's project was found by the alert's label, as the server finds it at creation. */
    @Test
    void without_logs_the_alerts_start_lines_up_the_services_deployments() {
        ArrayNode listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-payments").put("repository_full_name", "acme/payments")
                .put("created_at", "2026-12-01T01:50:00Z").put("status", "success");
        listed.addObject().put("id", "d-checkout").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-12-01T01:45:00Z").put("status", "success")
                .put("commit_sha", "a1b2c3d4e5f6").put("commit_message", "Retry payments on 502");
        ObjectNode context = Json.object();
        context.set("alert", webhook("checkout 5xx rate above 5%"));

        String md = playbook.run(facts(context, "p-checkout"), ToolResult.ok("2 deployments", listed)).report()
                .markdown();

        assertThat(md).contains("A deployment landed 7m 0s before alert HighErrorRate fired")
                .contains("deployment d-checkout of acme/checkout, commit a1b2c3d4e5f6 (\"Retry payments on 502\") "
                        + "landed at 2026-12-01T01:45:00Z, 7m 0s before alert HighErrorRate fired (" + FIRED
                        + ") and 20m 0s before the question was asked.")
                .contains("- 2026-12-01T01:45:00Z: deployment d-checkout of acme/checkout, commit a1b2c3d4e5f6 "
                        + "(\"Retry payments on 502\") landed\n- " + FIRED + ": alert HighErrorRate fired (critical)")
                .contains("Alert HighErrorRate fired at " + FIRED + ": no logs came with the request to line it up "
                        + "with")
                .doesNotContain("d-payments")
                .doesNotContain("Metrics: the request names no project");
        assertThat(playbook.timeline.stream().filter(e -> e.is("tool_call"))
                .map(e -> e.data().path("args").path("since").asText()).filter(s -> !s.isEmpty()).findFirst())
                .as("deployments are looked for from a day before the alert fired")
                .contains("2026-11-30T01:52:00Z");
    }

    @Test
    void logs_without_a_problem_line_around_the_alerts_start_are_said_to_hold_none() {
        ObjectNode context = Json.object().put("logs", checkoutLogs().lines()
                .filter(l -> l.contains(" INFO ")).map(l -> l + "\n").reduce("", String::concat)
                + "2026-12-01T01:53:00Z INFO  checkout - POST /checkout 200 in 38ms\n");
        context.set("alert", webhook("checkout 5xx rate above 5%"));

        String md = playbook.run(facts(context, null)).report().markdown();

        assertThat(md).contains("Alert HighErrorRate fired at " + FIRED + ": no problem line in the logs around its "
                        + "start (they run from 2026-12-01T01:45:00Z to 2026-12-01T01:53:00Z)")
                .contains("- No problem lines, so there is no start or end to report.\n- " + FIRED
                        + ": alert HighErrorRate fired");
    }

    @Test
    void the_alerts_text_is_masked_and_escaped_as_request_text_is() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        ObjectNode context = Json.object().put("logs", checkoutLogs());
        context.put("alert", webhook("checkout failing, token " + token + " see [runbook](javascript:x) <img src=y>")
                .toString());

        String md = playbook.run(facts(context, null)).report().markdown();

        assertThat(md).doesNotContain(token).doesNotContainPattern("(?<!\\\\)\\[runbook")
                .doesNotContainPattern("(?<!\\\\)<img")
                .contains("alert HighErrorRate fired (critical): checkout failing, token [REDACTED] see "
                        + "\\[runbook\\](javascript:x) \\<img src=y\\>");
    }

    @Test
    void a_storm_of_alerts_shows_the_first_few_and_counts_the_rest() {
        ArrayNode alerts = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 3000; i++) {
            ObjectNode a = alerts.addObject().put("status", "firing")
                    .put("startsAt", Instant.parse(FIRED).plusSeconds(i).toString());
            a.putObject("labels").put("alertname", i % 3 == 0 ? "PodNotReady" : "HighErrorRate")
                    .put("service", "checkout").put("pod", "checkout-" + i);
        }
        ObjectNode context = Json.object().put("logs", checkoutLogs());
        context.set("alerts", alerts);

        String md = playbook.run(facts(context, null)).report().markdown();

        String timeline = md.substring(md.indexOf("## Timeline"), md.indexOf("## Recommended actions"));
        assertThat(timeline.split(": alert ", -1)).as("five alerts shown").hasSize(6);
        assertThat(timeline).contains("- 2,995 more alerts not shown: HighErrorRate ×130, PodNotReady ×65, "
                + "2,800 counted but not read.");
        assertThat(md).contains("Alert PodNotReady, the first still firing of 3,000 alerts, fired at " + FIRED)
                .hasSizeLessThan(20_000);
    }
}
