package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

class InconclusiveTest {

    @Test
    void a_monitor_fed_by_nothing_is_told_to_get_data_not_to_fix_a_source() {
        var verdict = Json.read("{\"state\":\"inconclusive\",\"checks\":[{\"at\":\"2026-01-01T10:00:10.000Z\","
                + "\"metrics\":[],\"problems\":[\"" + Check.NO_SOURCE + "\"]}]}");

        assertThat(Inconclusive.explain(verdict, "below")).hasValueSatisfying(text -> assertThat(text)
                .startsWith("No metric was available").contains("Give the monitor data: configure Prometheus")
                .doesNotContain("Fix what kept"));
    }

    @Test
    void a_source_that_failed_is_named_as_the_thing_to_fix() {
        var verdict = Json.read("{\"state\":\"inconclusive\",\"checks\":[{\"at\":\"2026-01-01T10:00:10.000Z\","
                + "\"metrics\":[],\"problems\":[\"error_rate not checked: Prometheus answered 502\"]}]}");

        assertThat(Inconclusive.explain(verdict, "below")).hasValueSatisfying(text -> assertThat(text).contains(
                "Fix what kept the metrics from being read: error_rate not checked: Prometheus answered 502"));
    }
}
