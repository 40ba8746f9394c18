package dev.missioncontrol.signals;

import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.orgs.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's signals over a window, from both sources: its Prometheus queries (when a Prometheus URL is configured,
 * server-wide or in the project's settings) and its pushed samples. Pushed samples of a metric's name are judged only
 * when Prometheus has no query of that name or its query selected no series; a query that failed leaves the metric
 * not checked.
 */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private final SignalStore pushed;
    private final PrometheusQueries prometheus;
    private final String defaultUrl;
    private final Duration defaultStep;
    private final PrometheusHeaders defaultHeaders;
    private final RepeatedWarnings warnings = new RepeatedWarnings(LOG, Duration.ofMinutes(10), Clock.systemUTC());

    /**
     * Series found, and which metrics could not be read or are not judged (a pushed restart clock, a histogram's
     * buckets) and why: shown in the report, never hidden.
     */
    public record Fetched(List<Series> series, List<Unread> unread, List<Unread> noSeries) {

        /** Each cause of unread metrics in one line, and the queries that selected no series. */
        public List<String> problems() {
            return Stream.concat(unread.stream(), noSeries.stream()).map(Unread::line).toList();
        }

        /** The metrics a source failed to give for now, which asking again a little later may read. */
        public List<String> unreadForNow() {
            return unread.stream().filter(Unread::passing).flatMap(u -> u.metrics().stream()).toList();
        }
    }

    public Signals(SignalStore pushed, OutboundHttp http, String defaultUrl, Duration defaultStep) {
        this(pushed, http, defaultUrl, defaultStep, PrometheusHeaders.NONE);
    }

    /** @param defaultHeaders sent to the server-wide Prometheus ({@code defaultUrl}) only */
    public Signals(SignalStore pushed, OutboundHttp http, String defaultUrl, Duration defaultStep,
            PrometheusHeaders defaultHeaders) {
        this.pushed = pushed;
        this.prometheus = new PrometheusQueries(new PrometheusSource(http));
        this.defaultUrl = defaultUrl;
        this.defaultStep = defaultStep;
        this.defaultHeaders = defaultHeaders;
    }

    public Fetched fetch(SignalScope scope, Instant from, Instant to, Deadline deadline) {
        return fetch(scope, from, to, Duration.between(from, to), deadline);
    }

    /**
     * Like {@link #fetch(SignalScope, Instant, Instant, Deadline)}, with Prometheus asked at the resolution it would
     * use for a window of {@code resolutionOf}: a long stretch of history then has as many samples per minute as the
     * windows it is compared with. The queries run at once, so a check takes as long as its slowest query.
     */
    public Fetched fetch(SignalScope scope, Instant from, Instant to, Duration resolutionOf, Deadline deadline) {
        Project project = scope.project();
        ProjectSignals settings = ProjectSignals.of(project, defaultUrl, defaultStep, defaultHeaders);
        PrometheusQueries.Answers answers = prometheus.ask(settings, scope, from, to, resolutionOf, deadline);
        List<Series> series = new ArrayList<>(answers.series());
        List<Unread> unread = new ArrayList<>(Unread.failed(answers.failed()));
        unread.forEach(u -> warnings.warn(project.repositoryFullName() + ": " + u.line()
                + "; they count as without data"));
        // A query Prometheus failed to answer keeps its name too: pushed samples standing in for it in one fetch
        // and not in the next would set windows of one source against history of the other, and the report would
        // call the metric both judged and not checked.
        Set<String> prometheusOwns = Stream.concat(series.stream().map(Series::name),
                answers.failed().keySet().stream()).collect(Collectors.toSet());
        Map<String, String> unjudged = new LinkedHashMap<>();
        pushed.series(scope, from, to).stream().filter(s -> !prometheusOwns.contains(s.name())).forEach(s -> settings
                .unjudged(s.name()).ifPresentOrElse(why -> unjudged.put(s.name(), why), () -> series.add(s)));
        unread.addAll(Unread.grouped(unjudged));
        return new Fetched(series, unread, noSeries(settings, answers.noSeries(), series));
    }

    /**
     * The metrics whose query selected no series, and no pushed samples stood in for: a label value that matches
     * nothing, or a service Prometheus does not scrape. Kept apart from what could not be read, since in the history
     * before a young service's first hours a query rightly finds nothing.
     */
    private static List<Unread> noSeries(ProjectSignals settings, List<String> names, List<Series> found) {
        Set<String> pushed = found.stream().map(Series::name).collect(Collectors.toSet());
        List<String> unanswered = names.stream().filter(n -> !pushed.contains(n)).toList();
        return unanswered.isEmpty() ? List.of() : List.of(new Unread(unanswered, QueryFailure.where(
                settings.prometheusUrl()) + " returned no series for the query: check its label values (such as "
                + "the service name) against the series Prometheus holds"));
    }

    /** Whether the project has a Prometheus to ask: its own URL, or the server's. */
    public boolean prometheusFor(Project project) {
        return ProjectSignals.of(project, defaultUrl, defaultStep, defaultHeaders).prometheusUrl() != null;
    }

    /** How a metric of this project is judged. */
    public MetricDefinition definition(Project project, String name) {
        return ProjectSignals.of(project, defaultUrl, defaultStep, defaultHeaders).definition(name);
    }
}
