package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.monitor.PrometheusProcess;
import dev.missioncontrol.monitor.TestExporter;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A range longer than the 11,000 points a real Prometheus answers at once at the step asked, as a repeat deploy's
 * windows are when its commit went live hours earlier and the step is fine: read in parts, joined on one grid.
 */
class PrometheusLongRangeIT {

    @Test
    void a_range_of_more_points_than_prometheus_answers_at_once_is_read_in_parts_at_the_same_step() throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port());
             OutboundHttp http = new OutboundHttp(new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")),
                     HostResolver.system()), OutboundHttp.Caps.defaults())) {
            exporter.queueLatency("long", 2.0);
            PrometheusSource source = new PrometheusSource(http);
            // scrapes for the last part and the end of the one before it: the first at least 8 s old, however
            // late a loaded machine started scraping
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                Instant now = Instant.now();
                return read(source, prometheus, now.minusSeconds(60), now).filter(s -> !s.points().isEmpty()
                        && s.points().getFirst().at().isBefore(now.minusSeconds(8))).isPresent();
            });
            Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            // 20,004 points at 1 s: parts of 10,000 from the start, the last one the 4 s up to now
            Instant from = to.minusSeconds(20_003);

            Series series = read(source, prometheus, from, to).orElseThrow();

            List<Series.Point> points = series.points();
            assertThat(points).extracting(Series.Point::value).containsOnly(2.0);
            assertThat(points.getFirst().at()).isBefore(to.minusSeconds(4)); // the part before the last one
            assertThat(points.getLast().at()).isEqualTo(to);
            for (int i = 1; i < points.size(); i++) {
                assertThat(Duration.between(points.get(i - 1).at(), points.get(i).at())).isEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    private static Optional<Series> read(PrometheusSource source, PrometheusProcess prometheus, Instant from,
            Instant to) {
        return source.query(prometheus.url(), Map.of(), "queue_latency_seconds", "sum(queue_latency_seconds{service=\"long\"})",
                from, to, Duration.ofSeconds(1));
    }
}
