package dev.missioncontrol.web.ui;

import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.net.Destinations;
import java.time.Duration;

/**
 * What the settings page shows of the server's own configuration (flags and environment, read-only here), and the
 * SSRF guard that URLs typed on the page must pass, the same one the monitor's and notifications' calls go through.
 *
 * @param prometheusUrl the server-wide Prometheus, or null
 */
public record ServerSettings(String prometheusUrl, Duration prometheusStep, Duration bake, Duration warmup,
        LlmStatus llm, Destinations destinations) {

    public String prometheusUrlText() {
        return prometheusUrl == null ? "none" : prometheusUrl;
    }

    public String stepText() {
        return DurationText.format(prometheusStep);
    }

    public String bakeText() {
        return DurationText.format(bake);
    }

    public String warmupText() {
        return DurationText.format(warmup);
    }
}
