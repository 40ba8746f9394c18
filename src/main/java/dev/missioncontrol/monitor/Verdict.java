package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The deploy monitor's verdict, API.md's verdict object. Times serialise as RFC 3339 when the
 * mapper has the JSR-310 module and does not write dates as timestamps.
 *
 * @param score     0 to 100; null while nothing could be scored
 * @param decidedAt null while the verdict is pending
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verdict(VerdictState state, Double score, List<Check> checks, Instant decidedAt) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** The verdict before any check has run. */
    public static Verdict pending() {
        return new Verdict(VerdictState.PENDING, null, List.of(), null);
    }
}
