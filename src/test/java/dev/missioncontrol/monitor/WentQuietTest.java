package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WentQuietTest {
    private static final Instant DEPLOYED = Instant.parse("2026-03-01T12:00:00Z");

    /** {@code count} moments {@code every} apart, the first {@code from} after the deploy (negative: before it). */
    private static List<Instant> moments(Duration from, Duration every, int count) {
        return IntStream.range(0, count).mapToObj(i -> DEPLOYED.plus(from).plus(every.multipliedBy(i))).toList();
    }

    @Test
    void a_metric_that_stops_four_seconds_into_a_twenty_second_watch_went_quiet() {
        var before = moments(Duration.ofSeconds(-20), Duration.ofSeconds(1), 20);
        var since = moments(Duration.ZERO, Duration.ofSeconds(1), 5); // +0 to +4 s, then nothing

        var quiet = WentQuiet.of("error_rate", before, since, DEPLOYED, DEPLOYED, DEPLOYED.plusSeconds(20));

        assertThat(quiet).isPresent();
        assertThat(quiet.get().problem()).isEqualTo("no samples for error_rate since +4s of a 20s watch: the service "
                + "may be down, its metrics pipeline broken, or the series no longer written");
    }

    @Test
    void a_client_pushing_a_minutes_samples_at_once_is_not_quiet_in_a_thirty_minute_bake() {
        var before = moments(Duration.ofMinutes(-30), Duration.ofSeconds(1), 1800);
        var since = moments(Duration.ZERO, Duration.ofSeconds(1), 1740); // the last minute not pushed yet

        assertThat(WentQuiet.of("error_rate", before, since, DEPLOYED, DEPLOYED, DEPLOYED.plus(Duration.ofMinutes(30))))
                .isEmpty();
    }

    @Test
    void a_prometheus_scrape_not_yet_in_is_not_quiet() {
        var before = moments(Duration.ofSeconds(-60), Duration.ofSeconds(15), 4);
        var since = moments(Duration.ZERO, Duration.ofSeconds(15), 3); // +0, +15, +30 s; the +45 s one is late

        assertThat(WentQuiet.of("error_rate", before, since, DEPLOYED, DEPLOYED, DEPLOYED.plusSeconds(58))).isEmpty();
    }

    @Test
    void a_metric_without_a_cadence_before_the_deploy_or_without_samples_after_it_is_left_to_the_judge() {
        var since = moments(Duration.ZERO, Duration.ofSeconds(1), 2);
        Instant at = DEPLOYED.plusSeconds(60);
        assertThat(WentQuiet.of("m", moments(Duration.ofSeconds(-1), Duration.ZERO, 1), since, DEPLOYED, DEPLOYED,
                at)).isEmpty();
        assertThat(WentQuiet.of("m", moments(Duration.ofSeconds(-60), Duration.ofSeconds(1), 60), List.of(), DEPLOYED,
                DEPLOYED, at)).isEmpty();
    }
}
