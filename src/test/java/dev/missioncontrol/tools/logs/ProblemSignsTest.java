package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.logs.TemplateSummary;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemSignsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Enabling unmasked SIMD FPU exception support... done.",
        "processor=<KSActionProcessor isProcessing=NO actionsCompleted=0 errors=0 currentActionErrors=0 >",
        "sync finished: 412 rows, failures: 0",
        "health check passed with no errors",
        "replica caught up without error",
        "batch done, 0 failed",
        "error handling enabled for queue orders",
    })
    void a_count_of_none_or_a_feature_is_no_problem(String line) {
        assertThat(ProblemSigns.words(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sync finished: 412 rows, failures: 3",
        "errors=10 in the last minute",
        "upstream failed, retrying in 0 s",
        "10 failed, giving up",
        "Exception in thread main: support ticket store unreachable",
    })
    void a_failure_that_happened_still_is_one(String line) {
        assertThat(ProblemSigns.words(line)).isNotEmpty();
    }

    @Test
    void a_masked_counter_is_a_problem_only_when_its_line_counted_something() {
        String template = "sync finished: <*> rows, failures: <*>";
        assertThat(ProblemSigns.reason(summary(template, "sync finished: 412 rows, failures: 0"))).isNull();
        assertThat(ProblemSigns.reason(summary(template, "sync finished: 412 rows, failures: 7")))
                .isEqualTo("words: failures");
    }

    private static TemplateSummary summary(String template, String sample) {
        return new TemplateSummary(1, template, 1, 0, 0, java.util.Map.of(), null, null, 1, sample, new long[1]);
    }
}
