package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;

/**
 * The later deploy of another commit to the same project and environment that went live part-way through a watch.
 * From its moment on the service runs its code, so the watch judges the window up to it and ends there: judged on
 * what came after, a flat deploy watched while a bad one lands was called degraded, and on-call rolled back the
 * wrong commit.
 *
 * @param at when it went live: its rollout's running event, or else its success event's moment
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Superseded(String deploymentId, String commitSha, Instant at) {

    /** "superseded at +6s by deployment … (commit bbbb222) …", the line a CI log prints first. */
    public String problem(Instant deployed) {
        return "superseded at +" + VerifyDeploy.seconds(Duration.between(deployed, at)) + " by deployment "
                + deploymentId + " (commit " + (commitSha == null ? "unknown" : commitSha) + ") to the same "
                + "environment: judged on the service until then; what came after is that deploy's to answer for";
    }
}
