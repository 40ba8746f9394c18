package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import org.junit.jupiter.api.Test;

/** How a verdict's figures read on a page. */
class FormatTest {

    /** error_rate "0.01 → 0.01, ratio 1.032" said nothing; "99.768" beside "100.2" read as two precisions. */
    @Test
    void figures_keep_four_significant_digits_so_a_ratio_that_differs_shows_in_them() {
        assertThat(number(0.00998)).isEqualTo("0.00998");
        assertThat(number(0.0103)).isEqualTo("0.0103");
        assertThat(number(99.768)).isEqualTo("99.77");
        assertThat(number(100.2)).isEqualTo("100.2");
        assertThat(number(0.4)).isEqualTo("0.4");
        assertThat(number(1.0323)).isEqualTo("1.032");
        assertThat(number(123456.7)).as("no digit before the point is lost").isEqualTo("123457");
        assertThat(number(0.000012345)).isEqualTo("0.00001235");
        assertThat(number(42)).isEqualTo("42");
    }

    private static String number(double v) {
        return Format.number(DoubleNode.valueOf(v));
    }

    @Test
    void a_title_is_the_first_line_cut_at_eighty_characters() {
        assertThat(Format.title("  Deploy checkout\nwith the new pricing rules  ")).isEqualTo("Deploy checkout");
        assertThat(Format.title("x".repeat(81))).isEqualTo("x".repeat(80) + "…");
        assertThat(Format.title("x".repeat(80))).isEqualTo("x".repeat(80));
        assertThat(Format.title(null)).isEmpty();
    }
}
