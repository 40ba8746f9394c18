package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The miner, with its one configuration, must group Loghub-2k lines at least as well as Drain's published
 * average (0.865, Zhu et al. ICSE-SEIP 2019) on the systems present. Skipped when the data is not there.
 */
class LoghubAccuracyTest {

    private static final double DRAIN_AVERAGE_GA = 0.865;

    @Test
    void groups_loghub_systems_better_than_drain_on_average() throws Exception {
        Path root = LoghubSystems.defaultRoot();
        assumeTrue(Files.exists(root.resolve("formats.txt")), "Loghub data not found at " + root);
        List<LoghubScore> scores = new ArrayList<>();
        for (var system : LoghubSystems.in(root)) {
            scores.add(LoghubScore.of(system));
        }
        assumeTrue(!scores.isEmpty(), "no Loghub system folders under " + root);
        double average = scores.stream().mapToDouble(LoghubScore::ga).average().orElseThrow();
        assertThat(average).as(LoghubBenchmark.table(scores)).isGreaterThanOrEqualTo(DRAIN_AVERAGE_GA);
    }
}
