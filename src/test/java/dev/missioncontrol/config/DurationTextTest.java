package dev.missioncontrol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void reads_the_units_people_write() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse(" 5m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refuses_anything_else_with_an_example() {
        assertThatThrownBy(() -> DurationText.parse("soon"))
                .hasMessage("not a duration: soon (use e.g. 500ms, 10s, 5m, 2h)");
    }

    @Test
    void refuses_a_duration_past_ten_years_instead_of_overflowing() {
        assertThat(DurationText.parse("87600h")).isEqualTo(DurationText.MAX);
        for (String huge : new String[] {"87601h", "9999999999999999h", "99999999999999999999999s",
            "9223372036854775807ms"}) {
            assertThatThrownBy(() -> DurationText.parse(huge)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too long a duration: " + huge + " (at most 87600h)");
        }
    }

    @Test
    void writes_the_largest_whole_unit_so_it_reads_back_the_same() {
        assertThat(DurationText.format(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(45)))).isEqualTo(Duration.ofSeconds(45));
    }
}
