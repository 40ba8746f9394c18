package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterRatesTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:30:00Z");

    @Test
    void counters_are_known_by_the_names_prometheus_gives_them() {
        assertThat(CounterRates.isCounter("http_errors_total")).isTrue();
        assertThat(CounterRates.isCounter("http_request_duration_seconds_count")).isTrue();
        assertThat(CounterRates.isCounter("http_request_duration_seconds_sum")).isTrue();
        assertThat(CounterRates.isCounter("error_rate")).isFalse();
        assertThat(CounterRates.isCounter("_total")).isFalse();
    }

    @Test
    void a_counter_becomes_its_increase_per_second_and_a_fall_is_a_reset_to_zero() {
        Series counter = new Series("http_errors_total", List.of(point(0, 100), point(2, 104), point(4, 110),
                point(6, 3), point(8, 7)));

        List<Series.Point> rates = CounterRates.pooled(List.of(counter), at(0)).getFirst().points();

        assertThat(rates).extracting(Series.Point::value).containsExactly(2.0, 3.0, 1.5, 2.0);
        assertThat(rates).extracting(Series.Point::at).containsExactly(at(0), at(2), at(4), at(6));
    }

    @Test
    void a_sample_pushed_twice_at_one_moment_gives_no_infinite_rate() {
        Series counter = new Series("http_errors_total", List.of(point(0, 100), point(2, 104), point(2, 104),
                point(4, 108)));

        assertThat(CounterRates.pooled(List.of(counter), at(0)).getFirst().points())
                .extracting(Series.Point::value).containsExactly(2.0, 2.0);
    }

    @Test
    void each_label_sets_counter_counts_on_its_own_and_their_rates_are_summed_under_the_rates_name() {
        Series a = new Series("http_errors_total", List.of(point(0, 1000), point(2, 1004), point(4, 1008)));
        Series b = new Series("http_errors_total", List.of(point(0, 5), point(2, 11), point(4, 17)));
        Series gauge = new Series("queue_depth", List.of(point(0, 7), point(2, 9)));

        List<Series> pooled = CounterRates.pooled(List.of(a, b, gauge), at(2));

        assertThat(pooled).extracting(Series::name).containsExactly("rate(http_errors_total)", "queue_depth");
        assertThat(pooled.get(0).points()).containsExactly(point(2, 5));
        assertThat(pooled.get(1).points()).containsExactly(point(2, 9));
    }

    @Test
    void a_rate_is_judged_as_the_settings_say_of_its_counter() {
        assertThat(CounterRates.counterOf("rate(http_errors_total)")).isEqualTo("http_errors_total");
        assertThat(CounterRates.counterOf("error_rate")).isEqualTo("error_rate");
    }

    private static Series.Point point(int seconds, double value) {
        return new Series.Point(at(seconds), value);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
