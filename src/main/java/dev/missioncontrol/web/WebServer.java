package dev.missioncontrol.web;

import dev.missioncontrol.store.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on virtual threads, with the cross-cutting filters every route gets. */
public final class WebServer {
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    /** In-flight requests get this long to finish when the server stops. */
    private static final long STOP_TIMEOUT_MS = 20_000;
    private static final long IDLE_TIMEOUT_MS = 120_000;
    /**
     * Connections the kernel holds for the server before it accepts them. The JDK's default, 50, overflowed when a
     * few hundred CI jobs posted at once to a busy node: the kernel dropped the rest, and clients saw connections
     * reset. The kernel caps this at net.core.somaxconn.
     */
    static final int ACCEPT_QUEUE = 1024;

    private final Javalin app;
    private final List<HandlerMetaInfo> routeTable = new CopyOnWriteArrayList<>();

    /**
     * The filters and limits every request passes through, in order. {@code browserLogin} runs before
     * {@code apiAccess} on the API paths, so a person logged in to the UI can read the API with their cookie.
     */
    public record Filters(ClientAddress clientAddress, ApiAccess apiAccess, RateLimits rateLimits,
            SecurityHeaders securityHeaders, MeterRegistry metrics, Handler browserLogin, UploadLimit uploads) {
    }

    public WebServer(int port, Filters filters, List<RouteGroup> groups, List<Runnable> onStopping) {
        this.app = Javalin.create(config -> configure(config, port, filters, groups, onStopping));
    }

    private void configure(JavalinConfig config, int port, Filters filters, List<RouteGroup> groups,
            List<Runnable> onStopping) {
        config.concurrency.useVirtualThreads = true;
        config.jetty.addConnector((server, http) -> connector(server, http, port));
        config.router.ignoreTrailingSlashes = true;
        config.http.maxRequestSize = 1L << 20;
        config.http.prefer405over404 = true;
        config.startup.showJavalinBanner = false;
        filters.uploads().configure(config);
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        });
        config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
        config.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT_MS);
            // a request refused while it is parsed never reaches Javalin's error mapping
            server.setErrorHandler(new JettyErrors());
        });
        config.jetty.modifyServletContextHandler(context -> {
            context.addFilter(new FilterHolder(new RepeatedSlashes()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new HeadAsGet()), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        config.events.handlerAdded(routeTable::add);
        config.events.serverStopping(() -> onStopping.forEach(Runnable::run));
        config.requestLogger.http((ctx, ms) -> logAccess(ctx, ms, filters.metrics()));
        var routes = config.routes;
        routes.before(ctx -> {
            RequestIds.assign(ctx);
            filters.clientAddress().resolve(ctx);
            filters.securityHeaders().apply(ctx);
            DeclaredCharset.requireKnown(ctx);
        });
        routes.before("/api/v1/*", filters.browserLogin());
        routes.before("/api/v1/*", filters.apiAccess()::authenticate);
        routes.before("/api/v1/*", filters.rateLimits()::apply);
        // after the key and the rate limit: a request without a key learns nothing more than 401, and every API
        // answer, a refusal of the request's form included, carries the RateLimit headers (API.md)
        routes.before(ctx -> {
            QueryParams.requireWellFormed(ctx);
            filters.uploads().refuseDeclaredOversize(ctx);
        });
        // Javalin gives every answer its default text/plain; an answer with no content has no content type
        routes.after(ctx -> {
            if (ctx.status().getCode() == 204 || ctx.status().getCode() == 304) {
                ctx.res().setContentType(null);
            }
        });
        Problems.register(routes, new AllowedMethods(config.unsafe), filters.uploads());
        groups.forEach(g -> g.register(routes));
    }

    /**
     * Keeps an idle connection open longer than the clients and proxies in front of the server keep theirs (the JDK
     * HTTP client 30 s, AWS load balancers 60 s, Go 90 s). Whoever closes an idle connection first must be the
     * client: when the server closes one at the moment a client reuses it, the client's request fails without an
     * answer, and a proxy turns that into a 502.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, int port) {
        // The parser keeps a connection's header lines to skip parsing them again, and by default matches them
        // without regard to case: after a valid "Authorization: Bearer <key>", the same key with one letter in the
        // other case was read as the valid one. Keys, cookies and signatures are case-sensitive.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT",
            "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private static void logAccess(io.javalin.http.Context ctx, float ms, MeterRegistry metrics) {
        String route = ctx.endpoints().lastHttpEndpoint() == null ? "unmatched"
                : ctx.endpoints().lastHttpEndpoint().path;
        String method = HeadAsGet.sentMethod(ctx);
        // the client's address (the proxy's client where the proxy is trusted) answers "who sent this" in an incident
        ACCESS.info("{} {} {} {} {}ms {}", RequestIds.of(ctx), method, ctx.path(), ctx.statusCode(),
                String.format(Locale.ROOT, "%.1f", ms), ClientAddress.of(ctx));
        Timer.builder("http.server.requests").tag("method", methodTag(method)).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode())).register(metrics)
                .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
    }

    /**
     * The method as a metric tag. Clients may send any token as a method, and each distinct tag is a new series kept
     * for the life of the process, so made-up methods share one. The route tag is bounded already: the route's
     * pattern, or "unmatched".
     */
    static String methodTag(String method) {
        return STANDARD_METHODS.contains(method) ? method : "OTHER";
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /** Every method and path the server answers, for the OpenAPI test and /api/docs. */
    public List<HandlerMetaInfo> routeTable() {
        return List.copyOf(routeTable);
    }
}
