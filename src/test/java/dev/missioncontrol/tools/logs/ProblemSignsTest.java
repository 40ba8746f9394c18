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
        "batch done, 0 failures",
        "checked 12 disks, zero errors",
        "errors: none.",
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
        "shard 0 failed to start",
        "node 0 down",
        "error: none of the replicas answered",
        "Error handling request /api/orders",
        "Error checking for updates",
        "Unhandled divide by zero exception in worker 3",
    })
    void a_failure_that_happened_still_is_one(String line) {
        assertThat(ProblemSigns.words(line)).isNotEmpty();
    }

    @Test
    void a_failure_named_by_a_code_or_an_error_class_is_one() {
        assertThat(ProblemSigns.words("(node:1) UnhandledPromiseRejectionWarning: MongoServerSelectionError: connect "
                + "ECONNREFUSED 10.0.7.12:27017")).containsExactly("MongoServerSelectionError", "ECONNREFUSED");
        assertThat(ProblemSigns.words("npm ERR! code ELIFECYCLE")).containsExactly("ERR!");
        assertThat(ProblemSigns.words("Error: EACCES: permission denied, open '/data/x'")).contains("EACCES");
        assertThat(ProblemSigns.words("TypeError: Cannot read properties of undefined")).contains("TypeError");
        assertThat(ProblemSigns.words("registered ErrorHandler for /api and EPIPES counter")).isEmpty();
        assertThat(ProblemSigns.words("npm WARN deprecated uuid@3.4.0")).isEmpty();
    }

    /** A template masks the count, so lines that read 0 and lines that read 7 share it: it stays a problem. */
    @Test
    void a_masked_counter_stays_a_problem() {
        assertThat(ProblemSigns.reason(summary("sync finished: <*> rows, failures: <*>",
                "sync finished: 412 rows, failures: 0"))).isEqualTo("words: failures");
    }

    private static TemplateSummary summary(String template, String sample) {
        return new TemplateSummary(1, template, 1, 0, 0, java.util.Map.of(), null, null, 1, sample, new long[1], false);
    }
}
