package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void values_keep_four_significant_digits_and_drop_trailing_zeros() {
        assertThat(Figures.value(0.10476491568026054)).isEqualTo("0.1048");
        assertThat(Figures.value(0.00972304674529178)).isEqualTo("0.009723");
        assertThat(Figures.value(120.0)).isEqualTo("120");
        assertThat(Figures.value(0.0)).isEqualTo("0");
        assertThat(Figures.value(1234567.0)).isEqualTo("1.235e+06");
        assertThat(Figures.value((Double) null)).isEqualTo("–");
    }

    @Test
    void a_tiny_p_value_is_written_as_a_bound_not_as_zero() {
        assertThat(Figures.pValue(0.0583)).isEqualTo("0.0583");
        assertThat(Figures.pValue(2.87e-11)).isEqualTo("< 0.0001");
        assertThat(Figures.pValue((Double) null)).isEqualTo("–");
    }
}
