package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.testing.LogCapture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A headers file that cannot be read leaves the metrics not checked, saying so without the server's file path or
 * its reason, which go to the operator's log only: every organization's verdicts, and an LLM, read the former.
 */
class UnreadableHeadersTest {
    @Test
    void the_verdicts_say_the_headers_could_not_be_read_and_only_the_log_says_where() throws Exception {
        Path missing = Path.of("/etc/missioncontrol-test/prometheus-headers-" + System.nanoTime());
        var settings = new ProjectSignals("http://prometheus:9090", Duration.ofSeconds(15),
                PrometheusHeaders.at(missing), Map.of("error_rate", new MetricDefinition("error_rate",
                "sum(rate(errors_total[1m]))", Direction.INCREASE, false)));
        var queries = new PrometheusQueries(new PrometheusSource(null));
        try (LogCapture log = new LogCapture()) {
            var answers = queries.ask(settings, null, Instant.now().minusSeconds(60), Instant.now(),
                    Duration.ofMinutes(1), Deadline.in(Duration.ofSeconds(5), Clock.systemUTC()));

            QueryFailure why = answers.failed().get("error_rate");
            assertThat(why.getMessage()).isEqualTo("the server's headers for Prometheus http://prometheus:9090 could "
                    + "not be read (its log says why)").doesNotContain(missing.toString());
            assertThat(why.passing()).isTrue();
            assertThat(log.text()).contains(missing + " does not exist");
        }
    }
}
