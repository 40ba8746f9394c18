package dev.missioncontrol.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code missionctl judge}: judges one metric from two sample files and prints the verdict. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Compare a metric's current samples with its baseline and print the verdict as one JSON line.",
        exitCodeListHeading = "%nExit codes (as missionctl deploy --wait):%n",
        exitCodeList = {"0:healthy or marginal", "3:degraded", "4:inconclusive (too few samples)",
                "2:a file that cannot be read, or a usage error"})
public final class JudgeCommand implements Callable<Integer> {

    /** Exit code for files the judge cannot read, apart from picocli's own usage errors. */
    static final int BAD_INPUT = 2;
    /** A degraded verdict: a script can stop on it, as on {@code missionctl deploy --wait}'s. */
    static final int DEGRADED = 3;
    static final int INCONCLUSIVE = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "samples before the deploy")
    private Path baseline;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "samples after the deploy")
    private Path current;

    @Option(names = "--direction", paramLabel = "increase|decrease|either",
            description = "which way is bad; guessed from the name when absent")
    private String direction;

    @Option(names = "--name", description = "metric name; defaults to the current file's name")
    private String name;

    @Option(names = "--history", paramLabel = "FILE", description = "samples before the baseline, oldest first, "
            + "as evenly spaced as the others: a move found is weighed against the windows in it and passes "
            + "when it is ordinary for the metric")
    private Path history;

    private final Clock clock;

    public JudgeCommand() {
        this(Clock.systemUTC());
    }

    JudgeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            String metric = name != null ? name : nameOf(current);
            MetricSamples samples = new MetricSamples(metric, SampleFile.read(baseline), SampleFile.read(current),
                    direction(metric), false).withHistory(history == null ? null : SampleFile.read(history));
            Instant now = clock.instant();
            Verdict verdict = Judge.decide(List.of(Judge.check(now, List.of(samples))), now);
            spec.commandLine().getOut().println(json().writeValueAsString(verdict));
            return switch (verdict.state()) {
                case DEGRADED, FAILED -> DEGRADED;
                case INCONCLUSIVE, PENDING -> INCONCLUSIVE;
                default -> 0;
            };
        } catch (SampleFile.Unreadable e) {
            err.println("missionctl judge: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private Direction direction(String metric) {
        if (direction == null) {
            return Direction.forMetric(metric);
        }
        try {
            return Direction.parse(direction);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
