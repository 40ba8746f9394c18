package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinnedPointsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void keeps_every_sample_below_the_bound() {
        ThinnedPoints points = fill(new ThinnedPoints(1_000, 600_000), 3, 300);

        assertThat(points.stepMillis()).isZero();
        assertThat(points.points(0)).hasSize(300).extracting(Series.Point::value).startsWith(0.0, 1.0, 2.0);
    }

    @Test
    void past_the_bound_each_series_keeps_its_last_sample_per_step() {
        ThinnedPoints points = fill(new ThinnedPoints(1_000, 600_000), 10, 600);

        long step = points.stepMillis();
        assertThat(step).isGreaterThan(1_000);
        int held = 0;
        for (long series = 0; series < 10; series++) {
            List<Series.Point> kept = points.points(series);
            held += kept.size();
            assertThat(kept.getLast().value()).as("the newest sample stays").isEqualTo(599.0);
            for (Series.Point p : kept.subList(0, kept.size() - 1)) {
                long at = p.at().toEpochMilli();
                assertThat(Math.floorDiv(at + 1_000, step)).as("the sample after it is in the next step")
                        .isGreaterThan(Math.floorDiv(at, step));
            }
        }
        assertThat(held).isLessThanOrEqualTo(1_000).isGreaterThan(250);
    }

    @Test
    void a_bound_below_two_samples_per_series_stops_at_a_step_as_long_as_the_fetch() {
        ThinnedPoints points = fill(new ThinnedPoints(5, 600_000), 10, 600);

        assertThat(points.points(3)).hasSizeLessThanOrEqualTo(2);
    }

    /** Each series a counter at one per second, samples a second apart, pushed series by series. */
    private static ThinnedPoints fill(ThinnedPoints points, int series, int samples) {
        for (int s = 0; s < series; s++) {
            for (int i = 0; i < samples; i++) {
                points.add(s, new Series.Point(T0.plusSeconds(i), i));
            }
        }
        return points;
    }
}
