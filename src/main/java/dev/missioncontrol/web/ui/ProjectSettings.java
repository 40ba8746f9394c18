package dev.missioncontrol.web.ui;

import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.net.DeniedDestination;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.orgs.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A project's monitor settings as the form shows and edits them: exactly the keys of {@link MonitorSettings}, which
 * the monitor reads. Empty fields mean the server's default. {@code problem} is set when the stored settings cannot be
 * read, so the page says so instead of failing.
 */
public record ProjectSettings(String id, String repository, String service, String prometheusUrl, String step,
        String bake, String warmup, List<Metric> metrics, String problem) {

    /** A field a hand-made request left out is empty, as the browser sends it, so a refused form renders again. */
    public ProjectSettings {
        prometheusUrl = orEmpty(prometheusUrl);
        step = orEmpty(step);
        bake = orEmpty(bake);
        warmup = orEmpty(warmup);
    }

    /** The form's choices: guess from the name (empty), then the directions. */
    public static final List<String> DIRECTIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
            Arrays.stream(Direction.values()).map(Direction::wireName)).toList();

    /**
     * One metric row of the form; a row whose name is left empty is dropped. A new row guesses its direction from
     * the name, as an unconfigured metric does, rather than calling every added metric worse when it rises.
     */
    public record Metric(String name, String query, String direction, boolean critical) {
        static final Metric BLANK = new Metric("", "", "", false);

        public Metric {
            name = orEmpty(name);
            query = orEmpty(query);
            direction = orEmpty(direction);
        }


        public List<String> directions() {
            return DIRECTIONS;
        }
    }

    /** How the form names a direction choice. */
    public static String label(String direction) {
        return direction.isEmpty() ? "guess from its name" : direction.equals("either") ? "moves either way"
                : direction + "s";
    }

    static ProjectSettings of(Project p) {
        try {
            MonitorSettings s = MonitorSettings.read(p.settings());
            List<Metric> rows = s.metrics().stream().map(m -> new Metric(m.name(), m.query() == null ? "" : m.query(),
                    m.direction().wireName(), m.critical())).toList();
            return new ProjectSettings(p.id(), p.repositoryFullName(), p.serviceName(), orEmpty(s.prometheusUrl()),
                    text(s.prometheusStep()), text(s.bake()), text(s.warmup()), rows, null);
        } catch (IllegalArgumentException e) {
            return new ProjectSettings(p.id(), p.repositoryFullName(), p.serviceName(), "", "", "", "", List.of(),
                    "The stored settings cannot be read (" + e.getMessage() + "); saving this form replaces them.");
        }
    }

    /** This form, as typed, with the reason it was refused. */
    ProjectSettings withProblem(String why) {
        return new ProjectSettings(id, repository, service, prometheusUrl, step, bake, warmup, metrics, why);
    }

    /**
     * What the folded form says of the project at a glance: "own Prometheus · bake 45m · 3 metrics". A page of many
     * projects lists them one line each; the form opens on a click.
     */
    public String glance() {
        String source = prometheusUrl.isBlank() ? "server's Prometheus" : "own Prometheus";
        String watched = bake.isBlank() ? "server's bake time" : "bake " + bake;
        String judged = metrics.isEmpty() ? "RED defaults" : metrics.size() == 1 ? "1 metric" : metrics.size()
                + " metrics";
        return String.join(" · ", source, watched, judged) + (warmup.isBlank() ? "" : " · warm-up " + warmup);
    }

    /** The stored metrics and one empty row to add another. */
    public List<Metric> rows() {
        List<Metric> out = new ArrayList<>(metrics);
        out.add(Metric.BLANK);
        return out;
    }

    /**
     * Reads the form. The Prometheus URL must pass the same SSRF guard the monitor's queries go through, so a URL the
     * monitor would refuse is refused here, where the person who typed it sees why; so must a warm-up as long as the
     * bake time the project would have, which the monitor would set aside for the server's schedule.
     */
    static MonitorSettings parse(ProjectSettings form, Destinations guard, Duration serverBake) {
        String url = blankToNull(form.prometheusUrl());
        if (url != null) {
            try {
                guard.check(url);
            } catch (DeniedDestination e) {
                throw new IllegalArgumentException("the Prometheus URL " + e.getMessage());
            }
        }
        List<MetricDefinition> metrics = form.metrics().stream().filter(m -> !m.name().isBlank())
                .map(ProjectSettings::definition).toList();
        MonitorSettings settings = new MonitorSettings(url, duration("Prometheus step", form.step()),
                duration("bake time", form.bake()), duration("warm-up", form.warmup()), metrics);
        if (settings.bake() == null && settings.warmup() != null && settings.warmup().compareTo(serverBake) >= 0) {
            throw new IllegalArgumentException("the warm-up must be shorter than the bake time, which is the server's "
                    + DurationText.format(serverBake) + " unless this project sets its own");
        }
        return settings;
    }

    private static MetricDefinition definition(Metric m) {
        String direction = blankToNull(m.direction());
        return new MetricDefinition(m.name().strip(), blankToNull(m.query()),
                direction == null ? Direction.forMetric(m.name().strip()) : Direction.parse(direction), m.critical());
    }

    private static Duration duration(String what, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " must be a duration such as 90s, 30m or 2h, not '"
                    + text.strip().toLowerCase(Locale.ROOT) + "'");
        }
    }

    private static String text(Duration d) {
        return d == null ? "" : DurationText.format(d);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
