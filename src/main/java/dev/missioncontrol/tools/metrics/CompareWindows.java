package dev.missioncontrol.tools.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.monitor.Check;
import dev.missioncontrol.monitor.DeployMonitorBrain;
import dev.missioncontrol.monitor.EarlierWindows;
import dev.missioncontrol.monitor.Judge;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MetricResult;
import dev.missioncontrol.monitor.MetricSamples;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.monitor.Superseded;
import dev.missioncontrol.monitor.WentQuiet;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.signals.Deadline;
import dev.missioncontrol.signals.Series;
import dev.missioncontrol.signals.SignalScope;
import dev.missioncontrol.signals.Signals;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.ToolArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code compare_windows}: the judge's comparison. The window since the deploy is compared with the same length
 * before it and, where that data exists, with the same two windows a week earlier. With a warm-up, the window after
 * the deploy starts where the warm-up ends; the baseline still ends at the deploy.
 */
final class CompareWindows implements Tool {
    static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MIN_WINDOW = Duration.ofSeconds(1);

    private final Signals signals;
    private final OrgStore orgs;
    private final OtherDeployments others;
    private final Clock clock;

    CompareWindows(Signals signals, OrgStore orgs, OtherDeployments others, Clock clock) {
        this.signals = signals;
        this.orgs = orgs;
        this.others = others;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "compare_windows";
    }

    @Override
    public String description() {
        return "Compare every metric of the project after a deploy with the same length before it (and a week "
                + "earlier): Mann-Whitney U, effect size, ratio and a pass/high/low/nodata result per metric.";
    }

    @Override
    public JsonNode schema() {
        ObjectNode s = Json.object().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("deployed_at").put("type", "string").put("format", "date-time");
        p.putObject("at").put("type", "string").put("format", "date-time")
                .put("description", "end of the window after the deploy; default now");
        p.putObject("warmup_seconds").put("type", "number").put("minimum", 0)
                .put("description", "seconds after the deploy left out while the service warms up; default 0");
        s.putArray("required").add("deployed_at");
        return s;
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        Optional<SignalScope> scope = MetricTools.scope(orgs, session);
        if (scope.isEmpty()) {
            return ToolResult.error("this session has no project, so it has no metrics");
        }
        Instant deployed = ToolArgs.time(args, "deployed_at", null);
        if (deployed == null) {
            return ToolResult.error("deployed_at is required");
        }
        Instant asked = ToolArgs.time(args, "at", clock.instant());
        Duration warmup = warmup(args);
        Optional<Superseded> later = others.superseding(session, scope.get(), deployed, asked);
        if (later.isPresent() && Duration.between(deployed.plus(warmup), later.get().at()).compareTo(MIN_WINDOW) < 0) {
            return supersededBeforeWindow(scope.get(), later.get(), deployed);
        }
        Instant at = later.map(Superseded::at).orElse(asked);
        Duration window = max(Duration.between(deployed.plus(warmup), at), MIN_WINDOW);
        return compare(session, scope.get(), new Windows(deployed, warmup, window, null), at, later);
    }

    /**
     * Judges the windows around the deploy, the window after it ending where a later deploy superseded it, if one
     * did: from then on the service runs that deploy's code.
     */
    private ToolResult compare(SessionFacts session, SignalScope scope, Windows asked, Instant at,
            Optional<Superseded> later) {
        Instant deployed = asked.deployed();
        Duration window = asked.window();
        // the windows are fetched first, so a Prometheus slow to answer leaves out only history when it can
        Windows windows = asked.withDeadline(CheckDeadline.of(session, deployed, at, clock));
        Signals.Fetched now = windows.fetch(signals, scope, Duration.ZERO);
        Signals.Fetched lastWeek = windows.fetch(signals, scope, WEEK);
        Instant historyEnd = deployed.minus(window);
        Signals.Fetched history = windows.history(signals, scope, historyEnd);
        Signals.Fetched lastWeeksHistory = windows.history(signals, scope, historyEnd.minus(WEEK));
        List<MetricSamples> samples = withHistory(samples(scope.project(), now, lastWeek, windows), history,
                lastWeeksHistory, historyEnd);
        List<String> problems = Stream.concat(now.problems().stream(),
                windows.unusable(now).stream()).toList();
        List<WentQuiet> quiet = now.series().stream().map(windows::quiet).flatMap(Optional::stream).toList();
        Check judged = Judge.check(at, samples, quiet).withProblems(now.series().isEmpty() && problems.isEmpty()
                ? List.of(signals.prometheusFor(scope.project()) ? Check.NO_SOURCE : Check.NO_PROMETHEUS) : problems);
        Check check = later.map(s -> judged.supersededBy(s, deployed)).orElse(judged);
        ObjectNode data = Json.object().put("deployed_at", deployed.toString()).put("window_seconds",
                window.toMillis() / 1000.0).put("warmup_seconds", windows.warmup().toMillis() / 1000.0)
                .put("environment", scope.environment());
        data.set("check", Json.MAPPER.valueToTree(check));
        // the superseding deploy is where the window ends, not a change within it
        data.set("other_deployments", others.within(session, scope, deployed.minus(window),
                later.isPresent() ? at.minusMillis(1) : at));
        fetchedProblems(data, problems, now, history, lastWeeksHistory);
        now.unreadForNow().forEach(data.putArray(DeployMonitorBrain.UNREAD_FOR_NOW)::add);
        return answer(scope.project(), check, data);
    }

    /**
     * A deploy superseded before its window after it could run a second past any warm-up left nothing of its own to
     * judge: the shortest window would hold its successor's samples.
     */
    private static ToolResult supersededBeforeWindow(SignalScope scope, Superseded later, Instant deployed) {
        Check check = new Check(later.at(), List.of()).supersededBy(later, deployed);
        ObjectNode data = Json.object().put("deployed_at", deployed.toString()).put("environment",
                scope.environment());
        data.set("check", Json.MAPPER.valueToTree(check));
        data.putArray("other_deployments");
        data.putArray("problems");
        return answer(scope.project(), check, data);
    }

    private static ToolResult answer(Project project, Check check, ObjectNode data) {
        if (!check.metrics().isEmpty()) {
            return ToolResult.ok(summary(check), data);
        }
        return new ToolResult(ToolResult.Status.NO_DATA, "no metric of " + project.repositoryFullName()
                + " could be judged: " + (check.problems().isEmpty() ? Check.NO_SOURCE : check.problems().getFirst()),
                data);
    }

    private List<MetricSamples> samples(Project project, Signals.Fetched now, Signals.Fetched lastWeek,
            Windows windows) {
        Map<String, Series> earlier = byName(lastWeek);
        List<MetricSamples> out = new ArrayList<>();
        for (Series s : now.series()) {
            MetricDefinition def = signals.definition(project, s.name());
            MetricSamples m = new MetricSamples(s.name(), windows.baseline(s, Duration.ZERO),
                    windows.current(s, Duration.ZERO), def.direction(), def.critical())
                    .withInfinite(MetricSamples.Infinite.of(def.direction(), windows.unusableBefore(s),
                            windows.unusableSince(s)));
            Series week = earlier.get(s.name());
            if (week != null && !week.points().isEmpty()) {
                m = m.withWeekEarlier(windows.baseline(week, WEEK), windows.current(week, WEEK));
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The baseline (the window before the deploy) and the window after it, which starts where the warm-up ends; both
     * {@code shift} earlier for last week's. Fetched at the resolution of two windows, as the history is, so that a
     * warm-up does not coarsen Prometheus' step for the windows alone.
     */
    private record Windows(Instant deployed, Duration warmup, Duration window, Deadline deadline) {
        Windows withDeadline(Deadline of) {
            return new Windows(deployed, warmup, window, of);
        }

        Signals.Fetched fetch(Signals signals, SignalScope scope, Duration shift) {
            Instant from = deployed.minus(window).minus(shift);
            return signals.fetch(scope, from, currentEnd().minus(shift), window.multipliedBy(2), deadline);
        }

        /**
         * The hours before a baseline window ending at {@code end}, at the judged windows' resolution. Fetched apart
         * from the windows so that a failure here only leaves the earlier windows out; a week earlier, fetched the
         * same way so that its samples fall at the same moments of the week.
         */
        Signals.Fetched history(Signals signals, SignalScope scope, Instant end) {
            return signals.fetch(scope, end.minus(EarlierWindows.reach(window)), end, window.multipliedBy(2), deadline);
        }

        /** Why metrics were judged on fewer samples than the windows hold: NaN or ±Inf answered for the rest. */
        List<String> unusable(Signals.Fetched fetched) {
            return UnusableSamples.lines(fetched.series(), deployed.minus(window), deployed, deployed.plus(warmup),
                    currentEnd());
        }

        /** The NaN and infinite values of the baseline window, which {@link #baseline} leaves out. */
        double[] unusableBefore(Series s) {
            return s.between(deployed.minus(window), deployed).unusableValues();
        }

        /** The NaN and infinite values of the window after the deploy. */
        double[] unusableSince(Series s) {
            return s.between(deployed.plus(warmup), currentEnd()).unusableValues();
        }

        double[] baseline(Series s, Duration shift) {
            return s.between(deployed.minus(window).minus(shift), deployed.minus(shift)).values();
        }

        double[] current(Series s, Duration shift) {
            return s.between(deployed.plus(warmup).minus(shift), currentEnd().minus(shift)).values();
        }

        /** Whether the series stopped part-way through the window after the deploy, by its cadence before it. */
        Optional<WentQuiet> quiet(Series s) {
            Instant start = deployed.plus(warmup);
            return WentQuiet.of(s.name(), moments(s.between(deployed.minus(window), deployed)),
                    moments(s.between(start, currentEnd())), deployed, start, start.plus(window));
        }

        /**
         * When the series answered, NaN and ±Inf included: a latency quantile or an error ratio answers NaN while
         * there is no traffic, and a service without traffic is still reporting.
         */
        private static List<Instant> moments(Series s) {
            return Stream.concat(s.points().stream(), s.unusable().stream()).map(Series.Point::at)
                    .sorted().toList();
        }

        /** Just past the window after the deploy, so that its last moment's sample is in it. */
        private Instant currentEnd() {
            return deployed.plus(warmup).plus(window).plusMillis(1);
        }
    }

    /**
     * Each metric with its samples from the hours before the baseline window, which show how much it moves between
     * ordinary windows, and the same hours a week earlier, which show how much of that is a weekly rhythm.
     */
    private static List<MetricSamples> withHistory(List<MetricSamples> samples, Signals.Fetched history,
            Signals.Fetched lastWeeksHistory, Instant historyEnd) {
        Map<String, Series> byName = byName(history);
        Map<String, Series> lastWeekByName = byName(lastWeeksHistory);
        return samples.stream().map(m -> {
            Series earlier = byName.get(m.name());
            Series weekEarlier = lastWeekByName.get(m.name());
            MetricSamples with = earlier == null ? m : withEarlier(m, earlier.between(Instant.EPOCH, historyEnd));
            return weekEarlier == null ? with
                    : with.withWeekEarlierHistory(weekEarlier.between(Instant.EPOCH, historyEnd.minus(WEEK)).values());
        }).toList();
    }

    /** The metric with its history, whose infinite values count as known before the deploy. */
    private static MetricSamples withEarlier(MetricSamples m, Series history) {
        return m.withHistory(history.values())
                .withInfinite(m.infinite().withEarlier(m.direction(), history.unusableValues()));
    }

    private static Map<String, Series> byName(Signals.Fetched fetched) {
        return fetched.series().stream().collect(Collectors.toMap(Series::name, Function.identity(), (a, b) -> a));
    }

    /**
     * Why sources could not be read; history that could not be read only leaves the earlier windows and the records
     * out, and last week's history only the earlier windows' measure net of last week. A cause that already kept
     * a metric out of the windows is not repeated for its history: the metric was not judged at all.
     */
    private static void fetchedProblems(ObjectNode data, List<String> windowsProblems, Signals.Fetched fetched,
            Signals.Fetched history, Signals.Fetched lastWeeksHistory) {
        var problems = data.putArray("problems");
        windowsProblems.forEach(problems::add);
        history.unread().stream().filter(u -> !fetched.unread().contains(u)).forEach(u -> problems.add(
                u.line("history not read (earlier windows and records not compared)")));
        lastWeeksHistory.unread().stream().filter(u -> !fetched.unread().contains(u)).forEach(u -> problems.add(
                u.line("history a week earlier not read (earlier windows not measured net of last week)")));
    }

    static String summary(Check check) {
        List<MetricResult> failing = check.metrics().stream().filter(MetricResult::failing).toList();
        long noData = check.metrics().stream().filter(m -> m.result().name().equals("NODATA")).count();
        String head = check.metrics().size() + " metrics: " + failing.size() + " failing, " + noData + " without data";
        return failing.isEmpty() ? head : head + "; " + failing.stream()
                .map(m -> m.name() + " " + m.result().name().toLowerCase(Locale.ROOT) + " (ratio "
                        + (m.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", m.ratio())) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The warm-up asked for, within a day: no monitor's bake is longer, and a model's wild number stays a time. */
    private static Duration warmup(JsonNode args) {
        double seconds = Math.clamp(args.path("warmup_seconds").asDouble(0), 0, MonitorSettings.MAX_BAKE.toSeconds());
        return Duration.ofMillis(Math.round(1000 * seconds));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
