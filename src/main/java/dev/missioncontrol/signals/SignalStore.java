package dev.missioncontrol.signals;

import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.Sha256;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Pushed samples, stored as (series, time, value) rows under a series table that holds names and labels once. */
public final class SignalStore {
    private static final int IDS_PER_QUERY = 1_000;
    /** Samples deleted per transaction by the hourly purge: tens of milliseconds of SQLite's one writer. */
    static final int PURGED_PER_TRANSACTION = 10_000;
    /** How far apart the nodes' clocks may be, in which a series' last push and its samples are measured. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final int bound;

    public SignalStore(Jdbi jdbi) {
        this(jdbi, ThinnedPoints.DEFAULT_BOUND);
    }

    /** @param bound the most samples one read holds before it thins them ({@link ThinnedPoints}) */
    SignalStore(Jdbi jdbi, int bound) {
        this.jdbi = jdbi;
        this.bound = bound;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Stores series of one project in the caller's transaction and returns how many samples: a repeated (series, time),
     * in the push or already stored, is one sample with the newest value.
     */
    int insert(Handle h, String orgId, String projectId, List<PushedSeries> pushed, Instant now) {
        // refreshing pushed_at locks an existing series row until this push commits: see purgeBefore
        PreparedBatch seriesBatch = h.prepareBatch("INSERT INTO signal_series (id, org_id, project_id, name, labels, "
                + "pushed_at) VALUES (:id, :org, :project, :name, :labels, :at) "
                + "ON CONFLICT (id) DO UPDATE SET pushed_at = excluded.pushed_at");
        PreparedBatch sampleBatch = h.prepareBatch("INSERT INTO signal_samples (series_id, at, value) "
                + "VALUES (:series, :at, :value) ON CONFLICT (series_id, at) DO UPDATE SET value = excluded.value");
        int stored = 0;
        for (PushedSeries s : pushed) {
            long id = seriesId(projectId, s.name(), s.labelsJson());
            seriesBatch.bind("id", id).bind("org", orgId).bind("project", projectId).bind("name", s.name())
                    .bind("labels", s.labelsJson()).bind("at", now.toEpochMilli()).add();
            s.points().forEach((at, value) -> sampleBatch.bind("series", id).bind("at", at).bind("value", value).add());
            stored += s.points().size();
        }
        seriesBatch.execute();
        sampleBatch.execute();
        return stored;
    }

    /** Every pushed metric of a project in [from, to), as {@link #series(SignalScope, Instant, Instant)} pools them. */
    public List<Series> series(String projectId, Instant from, Instant to) {
        return read(projectId, null, from, to);
    }

    /**
     * Every pushed metric in the scope in [from, to), one series per metric name: values of series that differ only
     * in labels (several instances of one service) are pooled, since the judge compares distributions; a counter's
     * are the service's per-second rate, its label sets' rates summed ({@link CounterRates}). Series labelled with
     * another environment than the scope's are left out.
     */
    List<Series> series(SignalScope scope, Instant from, Instant to) {
        String projectId = scope.project().id();
        if (scope.environment() == null) {
            return read(projectId, null, from, to);
        }
        // a series last pushed to before the window holds no sample in it: a pushed sample is at most 5 minutes ahead
        // of its push, and SKEW allows for the nodes' clocks
        List<Long> inScope = jdbi.withHandle(h -> h.createQuery("SELECT id, labels FROM signal_series "
                + "WHERE project_id = :project AND pushed_at >= :since").bind("project", projectId)
                .bind("since", from.minus(CounterRates.LOOKBACK).minus(SampleWindow.MAX_FUTURE).minus(SKEW)
                        .toEpochMilli())
                .map((rs, ctx) -> scope.includes(labels(rs.getString("labels"))) ? rs.getLong("id") : null).list())
                .stream().filter(Objects::nonNull).toList();
        return inScope.isEmpty() ? List.of() : read(projectId, inScope, from, to);
    }

    /**
     * The samples of a project's series, of only {@code seriesIds} unless that is null, from a little before
     * {@code from}: a counter's sample before the window gives the window's first sample its rate. The ids are asked
     * for in parts, as PostgreSQL's driver takes at most 65,535 parameters to a statement.
     */
    private List<Series> read(String projectId, List<Long> seriesIds, Instant from, Instant to) {
        Instant since = from.minus(CounterRates.LOOKBACK);
        Map<Long, String> names = new LinkedHashMap<>();
        ThinnedPoints points = new ThinnedPoints(bound, to.toEpochMilli() - since.toEpochMilli());
        List<List<Long>> parts = seriesIds == null ? Collections.singletonList(null)
                : partition(seriesIds, IDS_PER_QUERY);
        jdbi.useHandle(h -> parts.forEach(ids -> {
            var query = h.createQuery("SELECT s.id, s.name, v.at, v.value FROM signal_samples v "
                    + "JOIN signal_series s ON s.id = v.series_id WHERE s.project_id = :project "
                    + (ids == null ? "" : "AND s.id IN (<ids>) ")
                    + "AND v.at >= :from AND v.at < :to ORDER BY s.name, s.id, v.at")
                    .bind("project", projectId).bind("from", since.toEpochMilli()).bind("to", to.toEpochMilli());
            if (ids != null) {
                query.bindList("ids", ids);
            }
            query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"),
                    new Series.Point(Instant.ofEpochMilli(rs.getLong("at")), rs.getDouble("value")))).forEach(row -> {
                        names.putIfAbsent(row.seriesId(), row.name());
                        points.add(row.seriesId(), row.point());
                    });
        }));
        return CounterRates.pooled(names.keySet().stream().sorted(Comparator.comparing((Long id) -> names.get(id))
                .thenComparing(Comparator.naturalOrder())).map(id -> new Series(names.get(id), points.points(id)))
                .toList(), from);
    }

    private record Row(long seriesId, String name, Series.Point point) {
    }

    private static List<List<Long>> partition(List<Long> ids, int size) {
        List<List<Long>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return parts;
    }

    private static Map<String, String> labels(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Json.read(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * Deletes samples older than {@code before}, and series left without samples that nothing pushed to since;
     * returns samples deleted. A push reviving an idle series at the same moment holds its row, refreshed, so the
     * delete waits for it and then finds the series pushed to: checking for samples alone would not see the push's
     * uncommitted ones and would delete the series beneath them.
     */
    public int purgeBefore(Instant before) {
        int samples = 0;
        int deleted;
        do { // a part at a time: on SQLite a transaction holds the one writer, and every push and step waits on it
            deleted = jdbi.inTransaction(h -> h.createUpdate("DELETE FROM signal_samples WHERE (series_id, at) IN "
                    + "(SELECT series_id, at FROM signal_samples WHERE at < :before LIMIT :part)")
                    .bind("before", before.toEpochMilli()).bind("part", PURGED_PER_TRANSACTION).execute());
            samples += deleted;
        } while (deleted == PURGED_PER_TRANSACTION);
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM signal_series WHERE pushed_at < :before AND NOT EXISTS "
                + "(SELECT 1 FROM signal_samples v WHERE v.series_id = signal_series.id)")
                .bind("before", before.toEpochMilli()).execute());
        return samples;
    }

    /** A stable 64-bit id for (project, name, labels). */
    static long seriesId(String projectId, String name, String labelsJson) {
        return ByteBuffer.wrap(Sha256.of(projectId + "\n" + name + "\n" + labelsJson)).getLong();
    }
}
