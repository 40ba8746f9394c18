package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorReportTest {
    private static final Instant AT = Instant.parse("2026-11-29T12:00:20Z");

    /** Four samples a side: a pass would mean nothing, and the report says why and what to change, not "no data". */
    @Test
    void windows_too_small_to_pass_are_named_with_their_reason_and_the_fix() {
        MetricResult small = MetricJudgement.judge(new MetricSamples("latency_p95_ms",
                new double[] {118, 119, 118, 117}, new double[] {119, 118, 120, 118}, Direction.INCREASE, false),
                AllowedChange.DEFAULT);
        assertThat(small.result()).isEqualTo(Outcome.NODATA);
        Check last = new Check(AT, List.of(small));
        Verdict v = new Verdict(VerdictState.INCONCLUSIVE, null, List.of(last), AT);

        String md = MonitorReport.verdict(Json.object().put("repository_full_name", "acme/api")
                .put("created_at", "2026-11-29T12:00:00Z"), v, Json.object(), Duration.ZERO).markdown();

        assertThat(md).contains("- latency_p95_ms: too few samples to pass: with 4 before the deploy and 4 after it")
                .contains("1. Lengthen the bake or sample more often").doesNotContain("Give the monitor data");
    }

    /** A service that stops reporting at its deploy: the one-line outcome, which CI and the summary print, says so. */
    @Test
    void a_service_silent_since_its_deploy_is_named_in_the_outcome_not_only_as_samples_per_metric() {
        Check last = Judge.check(AT, List.of(MetricSamples.of("error_rate", new double[20], new double[0])));
        Verdict v = Judge.decide(List.of(last), AT);

        var report = MonitorReport.verdict(Json.object().put("repository_full_name", "acme/dead")
                .put("commit_sha", "95feb05aa").put("created_at", "2026-11-29T12:00:00Z"), v, Json.object(),
                Duration.ZERO);

        assertThat(report.outcome()).isEqualTo("Verdict inconclusive for acme/dead @ 95feb05: no samples since the "
                + "deploy for error_rate (had 20 before): the service may be down or no longer reporting");
        assertThat(report.markdown()).contains("Check that the service is up and still reporting");
    }
}
