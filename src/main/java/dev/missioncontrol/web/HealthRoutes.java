package dev.missioncontrol.web;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/** Liveness, readiness and Prometheus metrics; no authentication, so load balancers and scrapers can reach them. */
public final class HealthRoutes implements RouteGroup {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;

    /** @param ready true while the database answers and this node is not shutting down */
    public HealthRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? 200 : 503).json(java.util.Map.of("status", ok ? "ready" : "not ready"));
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }
}
