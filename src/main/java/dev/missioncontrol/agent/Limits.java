package dev.missioncontrol.agent;

import java.time.Duration;

/**
 * How far one session may go: steps over its whole life, and wall time per run (a sleeping session's waits do not
 * count).
 */
public record Limits(int maxSteps, Duration maxRunTime) {
    public static Limits defaults() {
        return new Limits(400, Duration.ofMinutes(15));
    }
}
