package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One metric's comparison, one entry of a check's {@code metrics} in API.md's verdict object. The fields API.md's
 * example shows are always present, null where there is no value (a metric without data has no ratio); the others
 * only when they say something.
 *
 * @param baseline mean of the baseline samples
 * @param current  mean of the current samples
 * @param ratio    current / baseline; null when the baseline is zero, so no ratio exists
 * @param pValue   two-sided Mann-Whitney U p-value; null with fewer samples than the test can rank
 * @param effect   Hodges-Lehmann shift, the median of pairwise differences current - baseline; for a change
 *                 found by {@link FoundBy#EXTREMES}, how far past the baseline's extreme the current window went
 * @param severity how far a failing metric moved in its bad direction; null when it does not fail
 * @param critical whether this failure alone makes the deploy degraded
 * @param foundBy  which comparison found the change; null when nothing changed
 * @param earlierWindows when a comparison found a change and the hours before the deploy were long enough, how
 *                 many earlier window pairs moved as much; a pass with these figures is a move ordinary for the
 *                 metric
 * @param reason   for people, why a metric without data has no result: too few samples, and how few; null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricResult(String name, @JsonInclude(JsonInclude.Include.ALWAYS) Double baseline,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Double current,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Double ratio,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Double pValue, Outcome result, Double effect,
                           Severity severity, Direction direction, boolean critical, FoundBy foundBy, EarlierWindows earlierWindows,
                           String reason) {

    /**
     * JSON has no NaN or infinity: Jackson would write them as the strings "NaN" and "Infinity", which a client
     * reading numbers cannot use. A figure that does not fit a double has no value to show.
     */
    public MetricResult {
        baseline = finiteOrNull(baseline);
        current = finiteOrNull(current);
        ratio = finiteOrNull(ratio);
        pValue = finiteOrNull(pValue);
        effect = finiteOrNull(effect);
    }

    private static Double finiteOrNull(Double value) {
        return value == null || Double.isFinite(value) ? value : null;
    }

    /** A result without a reason to give. */
    public MetricResult(String name, Double baseline, Double current, Double ratio, Double pValue, Outcome result,
            Double effect, Severity severity, Direction direction, boolean critical, FoundBy foundBy,
            EarlierWindows earlierWindows) {
        this(name, baseline, current, ratio, pValue, result, effect, severity, direction, critical, foundBy,
                earlierWindows, null);
    }

    /** Whether this metric counts against the deploy: it moved significantly in its bad direction. */
    @JsonProperty("failing")
    public boolean failing() {
        return (result == Outcome.HIGH && direction.upIsBad()) || (result == Outcome.LOW && direction.downIsBad());
    }

    /** Whether this metric takes part in the score; metrics without data do not. */
    boolean counted() {
        return result != Outcome.NODATA;
    }
}
