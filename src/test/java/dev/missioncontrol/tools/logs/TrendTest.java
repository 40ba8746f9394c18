package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.logs.LogRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LogRecord event(int i, String message) {
        return new LogRecord(i + 1, T0.plusSeconds(60L * i), "INFO", "api", message, message, 1);
    }

    private static Trend only(TemplateExtras extras) {
        var trends = extras.trends(true);
        assertThat(trends).hasSize(1);
        return trends.get(0);
    }

    @Test
    void finds_latency_climbing_in_a_repeated_line() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 30; i++) {
            extras.add(1, event(i, "request served in " + (100 + 40 * i + (i % 3) * 7) + "ms"), true);
        }
        Trend t = only(extras);
        assertThat(t.label()).isEqualTo("request served");
        assertThat(t.unit()).isEqualTo("ms");
        assertThat(t.rising()).isTrue();
        assertThat(t.perUnit()).isBetween(35.0, 45.0); // per minute: one line a minute, +40 ms each
    }

    @Test
    void projects_when_a_filling_pool_reaches_its_limit() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 20; i++) {
            extras.add(1, event(i, "connection pool usage " + (30 + 3 * i + (i % 2)) + "/100 active"), true);
        }
        Trend t = only(extras);
        assertThat(t.unit()).isEqualTo("%");
        assertThat(t.lastValue()).isEqualTo(88.0);
        assertThat(t.toLimit()).isBetween(3.0, 6.0);
    }

    @Test
    void ignores_counters_noise_and_identifiers() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 40; i++) {
            extras.add(1, event(i, "Log entry " + (i + 1)), true);
            extras.add(2, event(i, "served in " + (100 + (i * 37) % 50) + "ms"), true);
            extras.add(3, event(i, "user_" + (1000 + 17 * i) + " from 10.0.0." + i + " logged in"), true);
        }
        assertThat(extras.trends(true)).isEmpty();
    }

    @Test
    void a_counter_with_an_entry_missing_is_still_a_counter() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 400; i++) {
            if (i != 200) { // the one line where another message stood
                extras.add(1, event(i, "Log entry " + (i + 1)), true);
            }
        }
        assertThat(extras.trends(true)).isEmpty();
    }

    @Test
    void a_percentage_that_climbs_in_rare_steps_is_a_trend_not_a_counter() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 600; i++) { // the same reading for 200 lines at a time: two steps in 599
            extras.add(1, event(i, "disk usage " + (i < 200 ? 70 : i < 400 ? 82 : 95) + "% on /var"), true);
        }
        Trend t = only(extras);
        assertThat(t.unit()).isEqualTo("%");
        assertThat(t.lastValue()).isEqualTo(95.0);
    }

    @Test
    void reads_numeric_fields_of_json_records() {
        TemplateExtras extras = new TemplateExtras();
        for (int i = 0; i < 20; i++) {
            String raw = "{\"message\":\"heap\",\"heap_used_pct\":" + (50 + 2 * i + i % 2) + ",\"request_id\":" + i + "}";
            extras.add(1, new LogRecord(i + 1, T0.plusSeconds(i), "INFO", null, "heap", raw, 1), true);
        }
        Trend t = only(extras);
        assertThat(t.label()).isEqualTo("heap_used_pct");
        assertThat(t.unit()).isEqualTo("%");
    }

    /** The line is cut before the redactor reads it, so it is cut between words: a key cut short is not recognised. */
    @Test
    void a_readings_line_is_cut_between_words_never_inside_a_secret() {
        TemplateExtras extras = new TemplateExtras();
        String pad = "x".repeat(NumericSeries.EVIDENCE_CHARS - 50);
        for (int i = 0; i < 30; i++) {
            extras.add(1, event(i, "request served in " + (100 + 40 * i + (i % 3) * 7) + "ms " + pad
                    + " with key AKIAQWERTYUIOPASDFGH"), true);
        }
        String shown = TemplateJson.line(only(extras).first().raw());
        assertThat(shown).startsWith("request served in 100ms").doesNotContain("AKIAQW");
    }
}
