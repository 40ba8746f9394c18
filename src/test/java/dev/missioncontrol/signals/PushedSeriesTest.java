package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PushedSeriesTest {
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void gathers_samples_by_name_and_labels_in_order_of_first_appearance() {
        List<PushedSeries> pushed = PushedSeries.of(List.of(
                new Sample("error_rate", 1, T, labels("instance", "a")),
                new Sample("error_rate", 2, T, labels("instance", "b")),
                new Sample("latency", 3, T, labels("instance", "a")),
                new Sample("error_rate", 4, T.plusSeconds(1), labels("instance", "a"))));

        assertThat(pushed).extracting(PushedSeries::name, PushedSeries::labelsJson, PushedSeries::samples)
                .containsExactly(
                tuple("error_rate", "{\"instance\":\"a\"}", List.of(0, 3)),
                tuple("error_rate", "{\"instance\":\"b\"}", List.of(1)),
                tuple("latency", "{\"instance\":\"a\"}", List.of(2)));
        assertThat(pushed.get(0).points()).containsExactly(Map.entry(T.toEpochMilli(), 1.0),
                Map.entry(T.plusSeconds(1).toEpochMilli(), 4.0));
    }

    @Test
    void a_time_pushed_twice_in_one_series_keeps_the_later_value() {
        List<PushedSeries> pushed = PushedSeries.of(List.of(new Sample("error_rate", 1, T, labels("pod", "a")),
                new Sample("error_rate", 2, T, labels("pod", "a"))));

        assertThat(pushed).singleElement().satisfies(s -> {
            assertThat(s.points()).containsExactly(Map.entry(T.toEpochMilli(), 2.0));
            assertThat(s.samples()).containsExactly(0, 1);
        });
    }

    @Test
    void a_series_keeps_the_id_it_was_stored_under() {
        // the first 8 bytes of SHA-256("p1\nerror_rate\n{\"instance\":\"a\"}"): another id would orphan stored series
        PushedSeries s = PushedSeries.of(List.of(new Sample("error_rate", 1, T, labels("instance", "a")))).get(0);
        assertThat(SignalStore.seriesId("p1", s.name(), s.labelsJson())).isEqualTo(7708674966931733761L);
    }

    private static Map<String, String> labels(String k, String v) {
        return new TreeMap<>(Map.of(k, v));
    }
}
