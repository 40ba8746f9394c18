package dev.missioncontrol.signals;

import java.time.Instant;
import java.util.Map;

/** One pushed metric value; labels pick the project ({@code repository} or {@code service}) and the series. */
public record Sample(String name, double value, Instant at, Map<String, String> labels) {
}
