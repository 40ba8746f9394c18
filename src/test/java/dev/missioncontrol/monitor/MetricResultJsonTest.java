package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

/** A metric in the verdict object, as API.md's example shows it, also when it has nothing to show. */
class MetricResultJsonTest {

    @Test
    void a_metric_without_data_carries_every_field_of_the_contract_as_null() {
        MetricResult noData = MetricJudgement.judge(MetricSamples.of("error_rate", new double[0], new double[0]));
        JsonNode json = Json.MAPPER.valueToTree(noData);
        assertThat(json.get("result").asText()).isEqualTo("nodata");
        for (String field : new String[] {"name", "baseline", "current", "ratio", "p_value", "result"}) {
            assertThat(json.has(field)).as(field + " in " + json).isTrue();
        }
        assertThat(json.get("ratio").isNull()).isTrue();
        assertThat(json.get("p_value").isNull()).isTrue();
        assertThat(json.has("severity")).as("fields beyond the contract only when they say something").isFalse();
    }

    @Test
    void a_figure_that_does_not_fit_a_double_is_null_not_a_string() {
        MetricResult overflowed = new MetricResult("latency", 1e308, 1.7e308, Double.NaN, 0.3, Outcome.PASS,
                Double.POSITIVE_INFINITY, null, Direction.INCREASE, false, null, null);
        JsonNode json = Json.MAPPER.valueToTree(overflowed);

        assertThat(json.get("ratio").isNull()).isTrue();
        assertThat(json.has("effect")).isFalse();
        assertThat(json.get("baseline").isNumber()).isTrue();
    }
}
