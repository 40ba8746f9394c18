package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.missioncontrol.store.Json;
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

    /** A pasted log of 200,000 lines is cut to the page's worth before it is masked and indented, not after. */
    @Test
    void a_context_is_cut_to_what_the_page_shows_however_many_lines_or_fields_it_holds() {
        var logs = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 200_000; i++) {
            logs.add("2026-12-01T07:00:00Z ERROR db timeout id=" + i);
        }
        var fields = Json.object();
        for (int i = 0; i < 50_000; i++) {
            fields.put("label_" + i, "v");
        }
        var context = Json.object().put("service", "checkout");
        context.set("logs", logs);
        context.put("source", "kubectl logs");

        var cut = Format.cutTexts(context);
        assertThat(cut.get("service").asText()).isEqualTo("checkout");
        var kept = cut.get("logs");
        assertThat(kept.size()).isBetween(100, 1_000);
        assertThat(kept.get(kept.size() - 1).asText()).matches("… \\d+ more items \\(cut; the API has all of them\\)");
        assertThat(cut.get("…").asText()).isEqualTo("1 more field (cut; the API has it)");
        assertThat(Json.write(cut).length()).isLessThan(40_000);
        var labels = Format.cutTexts(Json.object().set("labels", fields)).get("labels");
        assertThat(labels.size()).isBetween(100, 2_000);
        assertThat(Json.write(labels)).contains("more fields (cut; the API has all of them)");

        var text = Json.object().put("logs", "line one\n".repeat(5_000));
        assertThat(Format.cutTexts(text).get("logs").asText()).endsWith("line one\n… (cut; the API has all of it)")
                .hasSizeLessThan(20_100);
    }

    /** Cut before it was masked, a token straddling the cut was too short to be known, and its first part showed. */
    @Test
    void a_token_the_cut_falls_in_is_masked_whole_before_it_is_cut() {
        String token = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        var context = Json.object().put("notes", "x".repeat(19_961)).put("msg", token + " used to push");
        String shown = Json.write(Format.cutTexts(context));
        assertThat(shown).doesNotContain("ghp_A1b2C3d4E5f6G7h8");
        assertThat(Format.maskedHead("deploy key " + token + " in line one", 20)).doesNotContain("ghp_A1b2C3d4E5f6G7h8");
    }
}
