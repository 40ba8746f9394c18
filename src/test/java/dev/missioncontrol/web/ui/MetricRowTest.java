package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

/** The checks table says which comparison found a change and how the move compared with earlier windows. */
class MetricRowTest {

    @Test
    void a_change_found_and_beyond_earlier_windows_says_both() {
        MetricRow row = MetricRow.all(Json.read("""
                [{"name":"error_rate","result":"high","found_by":"levels","effect":2.5,
                  "earlier_windows":{"pairs":192,"as_large":1}}]""")).getFirst();

        assertThat(row.foundBy()).isEqualTo("levels; beyond 191 of 192 earlier windows");
    }

    @Test
    void an_ordinary_move_passes_and_says_how_often_it_happened_before() {
        MetricRow row = MetricRow.all(Json.read("""
                [{"name":"travel_time","result":"pass","earlier_windows":{"pairs":100,"as_large":31}}]""")).getFirst();

        assertThat(row.foundBy()).isEqualTo("ordinary: 31 of 100 earlier windows moved as much");
    }

    @Test
    void a_move_weighed_net_of_last_week_says_so() {
        MetricRow row = MetricRow.all(Json.read("""
                [{"name":"requests","result":"pass",
                  "earlier_windows":{"pairs":189,"as_large":93,"net_of_last_week":true}}]""")).getFirst();

        assertThat(row.foundBy()).isEqualTo("ordinary: 93 of 189 earlier windows moved as much, net of last week");
    }

    @Test
    void a_record_says_how_far_beyond_the_history_it_went() {
        MetricRow row = MetricRow.all(Json.read("""
                [{"name":"latency_p95_seconds","result":"high","found_by":"sustained","effect":0.42,
                  "earlier_windows":{"pairs":192,"as_large":0}}]""")).getFirst();

        assertThat(row.foundBy()).isEqualTo("sustained (0.42 beyond the history); beyond 192 of 192 earlier windows");
    }

    @Test
    void a_metric_without_a_result_says_why_and_others_say_nothing() {
        var rows = MetricRow.all(Json.read("""
                [{"name":"rps","result":"nodata","reason":"2 samples before the deploy and 1 after it"},
                 {"name":"cpu","result":"pass"}]"""));

        assertThat(rows.get(0).reason()).isEqualTo("2 samples before the deploy and 1 after it");
        assertThat(rows.get(1).reason()).isEmpty();
    }

    @Test
    void only_a_failing_move_is_painted_as_one() {
        var rows = MetricRow.all(Json.read("""
                [{"name":"latency","result":"high","failing":true},
                 {"name":"rps","result":"high","failing":false},
                 {"name":"cpu","result":"pass"}]"""));

        assertThat(rows).extracting(MetricRow::resultText).containsExactly("high · failing", "high · not failing",
                "pass");
        assertThat(rows).extracting(MetricRow::badge).containsExactly("badge bad", "badge muted", "badge good");
    }

    @Test
    void a_plain_pass_shows_a_dash() {
        assertThat(MetricRow.all(Json.read("[{\"name\":\"rps\",\"result\":\"pass\"}]")).getFirst().foundBy())
                .isEqualTo("—");
    }
}
