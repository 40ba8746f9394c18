package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One comparison of every metric at one moment after the deploy.
 *
 * @param problems why metrics were left out of it, one short line per cause ("error_rate not checked: Prometheus
 *                 http://prometheus:9090 answered 502"), so that a verdict without them says why; absent when none
 * @param quiet    the metrics that stopped reporting part-way through the watch ({@link WentQuiet}), which keep the
 *                 verdict from passing; absent when none
 * @param supersededBy the later deploy whose moment ended the window judged, and the watch; absent when none
 */
public record Check(Instant at, List<MetricResult> metrics,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> problems,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> quiet,
                    @JsonProperty("superseded_by") @JsonInclude(JsonInclude.Include.NON_NULL)
                    Superseded supersededBy) {
    /**
     * The problem of a check that judged nothing though no source failed: CI reads an inconclusive verdict's reason
     * from its last check's problems, and an empty list there told it nothing.
     */
    public static final String NO_SOURCE = "no Prometheus query returned data and nothing was pushed for these windows";
    /** {@link #NO_SOURCE} for a project with no Prometheus to ask: no query ran to return nothing. */
    public static final String NO_PROMETHEUS = "no Prometheus is configured (--prometheus-url or the project's "
            + "prometheus_url) and nothing was pushed for these windows";

    public Check {
        metrics = List.copyOf(metrics);
        problems = problems == null ? List.of() : List.copyOf(problems);
        quiet = quiet == null ? List.of() : List.copyOf(quiet);
    }

    public Check(Instant at, List<MetricResult> metrics, List<String> problems, List<String> quiet) {
        this(at, metrics, problems, quiet, null);
    }

    public Check(Instant at, List<MetricResult> metrics, List<String> problems) {
        this(at, metrics, problems, List.of());
    }

    public Check(Instant at, List<MetricResult> metrics) {
        this(at, metrics, List.of());
    }

    /** True when the only thing that kept metrics out was that there were none: nothing is set up to feed them. */
    public boolean noSource() {
        return problems.equals(List.of(NO_SOURCE)) || problems.equals(List.of(NO_PROMETHEUS));
    }

    /**
     * This check, with the causes that kept metrics out of it after the judge's own (metrics that fell silent at the
     * deploy), which come first: a service that may be down is the first thing to say.
     */
    public Check withProblems(List<String> causes) {
        return new Check(at, metrics, Stream.concat(problems.stream(), causes.stream()).toList(), quiet,
                supersededBy);
    }

    /**
     * This check, made on the window that {@code later} ended, saying so first: an inconclusive verdict's first
     * problem is what CI prints, and a window cut short is why it held too little.
     */
    public Check supersededBy(Superseded later, Instant deployed) {
        return new Check(at, metrics, Stream.concat(Stream.of(later.problem(deployed)), problems.stream()).toList(),
                quiet, later);
    }
}
