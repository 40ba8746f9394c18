package dev.missioncontrol.signals;

import dev.missioncontrol.monitor.MetricDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's Prometheus queries, asked all at once and awaited until a deadline: one after another, a Prometheus
 * that takes its full timeout on each of them made one check last minutes.
 */
final class PrometheusQueries {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusQueries.class);
    private final PrometheusSource source;
    private final ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor();
    private final RepeatedWarnings unreadableHeaders = new RepeatedWarnings(LOG, Duration.ofMinutes(10),
            Clock.systemUTC());

    /** The series answered, the metrics whose query selected no series, and why each other metric has none. */
    record Answers(List<Series> series, List<String> noSeries, Map<String, QueryFailure> failed) {
    }

    PrometheusQueries(PrometheusSource source) {
        this.source = source;
    }

    Answers ask(ProjectSignals settings, SignalScope scope, Instant from, Instant to, Duration resolutionOf,
            Deadline deadline) {
        QueryFailure late = new QueryFailure(QueryFailure.where(settings.prometheusUrl()) + " did not answer in time",
                true);
        Map<String, Future<Optional<Series>>> asked = new LinkedHashMap<>();
        Map<String, QueryFailure> failed = new LinkedHashMap<>();
        Optional<Map<String, String>> read = headers(settings);
        if (read.isEmpty()) {
            QueryFailure unreadable = new QueryFailure("the server's headers for " + QueryFailure.where(
                    settings.prometheusUrl()) + " could not be read (its log says why)", true);
            settings.queries().forEach(m -> failed.put(m.name(), unreadable));
            return new Answers(List.of(), List.of(), failed);
        }
        Map<String, String> headers = read.get();
        for (MetricDefinition m : settings.queries()) {
            if (deadline.remaining().isZero()) {
                failed.put(m.name(), late); // no time left: asking would only load Prometheus
                continue;
            }
            String promql = ProjectSignals.fill(m.query(), scope);
            Duration step = PrometheusSource.step(resolutionOf, settings.step());
            asked.put(m.name(), asking.submit(() -> source.query(settings.prometheusUrl(), headers, m.name(), promql,
                    from, to, step)));
        }
        List<Series> series = new ArrayList<>();
        List<String> noSeries = new ArrayList<>();
        asked.forEach((name, answer) -> await(answer, deadline, late).ifPresentOrElse(
                why -> failed.put(name, why), () -> answer.resultNow().ifPresentOrElse(series::add,
                        () -> noSeries.add(name))));
        return new Answers(series, noSeries, failed);
    }

    /**
     * The headers file as it reads now; empty when it cannot be read, which the operator's log says (once in ten
     * minutes) and the verdicts of every organization do not: its path and the reason are the server's own. Such a
     * failure counts as passing, so that the final check asks again: a file being rotated reads whole a moment later.
     */
    private Optional<Map<String, String>> headers(ProjectSignals settings) {
        try {
            return Optional.of(settings.headers().read());
        } catch (IllegalArgumentException e) {
            unreadableHeaders.warn("the headers file for " + QueryFailure.where(settings.prometheusUrl())
                    + " (--prometheus-headers-file): " + e.getMessage() + "; its metrics are not checked");
            return Optional.empty();
        }
    }

    /** Empty once the answer is in; otherwise why there is none, the query given up on at the deadline. */
    private static Optional<QueryFailure> await(Future<?> answer, Deadline deadline, QueryFailure late) {
        try {
            answer.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(reason(e.getCause()));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Optional.of(late);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return Optional.of(late);
        }
    }

    private static QueryFailure reason(Throwable failure) {
        if (failure instanceof QueryFailure known) {
            return known;
        }
        LOG.warn("a Prometheus answer could not be read; its metric counts as without data", failure);
        return new QueryFailure("Prometheus gave an answer that could not be read: "
                + QueryFailure.detail(failure.toString()));
    }
}
