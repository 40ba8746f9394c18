package dev.missioncontrol.web;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Liveness, readiness and Prometheus metrics; no authentication, so load balancers and scrapers can reach them. */
public final class HealthRoutes implements RouteGroup {
    private final Supplier<Optional<String>> notReadyBecause;
    private final PrometheusMeterRegistry metrics;

    /**
     * @param notReadyBecause why this node should get no traffic now (shutting down, the database silent), or empty;
     *                        the reason is in the 503's body, so the operator curling it sees which it is
     */
    public HealthRoutes(Supplier<Optional<String>> notReadyBecause, PrometheusMeterRegistry metrics) {
        this.notReadyBecause = notReadyBecause;
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", ctx -> notReadyBecause.get().ifPresentOrElse(
                why -> ctx.status(503).json(Map.of("status", "not ready", "reason", why)),
                () -> ctx.json(Map.of("status", "ready"))));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }
}
