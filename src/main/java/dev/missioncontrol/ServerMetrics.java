package dev.missioncontrol;

import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Dialect;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The registry behind /metrics, with what an operator alerts on about the server itself: which build it runs,
 * restarts (start time), CPU, garbage collection, open files against their limit, and on SQLite the database's size
 * and the free space of the disk it lives on, which a full disk turns into refused writes.
 */
final class ServerMetrics {
    private ServerMetrics() {
    }

    /** @param closeables receives what must be closed with the server */
    static PrometheusMeterRegistry create(DatabaseUrl url, List<AutoCloseable> closeables) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        closeables.add(gc);
        new UptimeMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new FileDescriptorMetrics().bindTo(metrics);
        // the usual build_info series: a dashboard of a cluster shows at once which node runs which build
        Gauge.builder("missioncontrol.build.info", () -> 1).description("The release and commit this node runs")
                .tag("release", BuildVersion.RELEASE).tag("commit", BuildVersion.commit()).register(metrics);
        if (url.dialect() == Dialect.SQLITE) {
            Path file = url.sqliteFile().toAbsolutePath();
            new DiskSpaceMetrics(file.getParent().toFile()).bindTo(metrics);
            Gauge.builder("missioncontrol.database.size", () -> size(file)
                            + size(file.resolveSibling(file.getFileName() + "-wal")))
                    .description("Bytes the SQLite database takes on disk, its write-ahead log included")
                    .baseUnit("bytes").register(metrics);
        }
        return metrics;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // no -wal between checkpoints
        }
    }
}
