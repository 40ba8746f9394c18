package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the judge to its measured accuracy on NAB realKnownCause (numenta/NAB, MIT licence), judged as
 * the monitor runs (scheduled checks with history); see BENCHMARKS.md. The goal was a true-positive
 * rate of 0.8 at a false-positive rate of 0.05, which the judge meets on this category: it measures 16 of 19
 * (0.84) at 2 of 56 (0.036), the New Year window on nyc_taxi found since a level move on a metric with a weekly
 * rhythm is held to the spread of its deviations from last week. As the monitor ran before it weighed moves
 * against earlier windows and held early checks to a stricter bar, it failed 25 of the 56 quiet
 * deploys; the earlier windows cost a rogue-key plateau no higher than that series' unlabelled
 * ones. Records (a few samples, or a stretch of an eighth of the window, beyond the whole day's
 * band) found the CPU misconfiguration, the marathon's taxi peak and the late rogue-key bursts,
 * which stay within the wide swings of the window before them, and ambient temperature's fall below anything
 * in the nine months before it. A spike (one sample half the day's
 * range beyond it) found the request-latency failure's single drop to 30 ms. The other misses are
 * drifts within the ordinary wander of their series. These figures are the measured ones, not the goal: they stop
 * the judge from getting worse than it is.
 */
class NabBenchmarkTest {

    static final double MIN_TRUE_POSITIVE_RATE = 0.84;
    static final double MAX_FALSE_POSITIVE_RATE = 0.036;

    @Test
    void flags_labelled_anomalies_and_passes_quiet_stretches() throws IOException {
        Path nab = NabBenchmark.defaultNabDir();
        assumeTrue(Files.isDirectory(nab.resolve(NabBenchmark.CATEGORY)), "NAB data not found at " + nab);

        List<NabBenchmark.Score> scores = NabBenchmark.run(nab);
        NabBenchmark.Score overall = NabBenchmark.overall(scores);

        assertThat(scores).hasSizeGreaterThanOrEqualTo(7);
        assertThat(overall.anomalies()).isGreaterThanOrEqualTo(19);
        assertThat(overall.truePositiveRate()).isGreaterThanOrEqualTo(MIN_TRUE_POSITIVE_RATE);
        assertThat(overall.falsePositiveRate()).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
    }
}
