package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What `missionctl deploy --wait` prints under the verdict for CI's log. */
class VerdictLinesTest {

    /** A metric that went quiet has its problem as its reason; the CI log says it once, not twice. */
    @Test
    void a_quiet_metric_is_named_once_under_not_checked() {
        String quiet = "no samples for error_rate since +4s of a 20s watch: the service may be down, its metrics "
                + "pipeline broken, or the series no longer written";
        var deployment = Json.read("""
                {"verdict": {"state": "inconclusive", "checks": [{"at": "2026-12-01T00:00:20Z",
                  "metrics": [{"name": "error_rate", "result": "nodata", "reason": "%s"}],
                  "problems": ["%s", "Prometheus answered 502 once"]}]}}""".formatted(quiet, quiet));
        StringWriter out = new StringWriter();

        VerdictLines.print(deployment, new PrintWriter(out, true));

        String notChecked = out.toString().substring(out.toString().indexOf("Not checked"));
        assertThat(notChecked).containsOnlyOnce(quiet).contains("  - error_rate: no result, " + quiet)
                .contains("  - Prometheus answered 502 once");
    }
}
