package dev.missioncontrol;

import dev.missioncontrol.auth.ApiKeyAuthenticator;
import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.deployments.DeploymentRoutes;
import dev.missioncontrol.deployments.DeploymentService;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.deployments.VerdictWait;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.FirstStart;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.sessions.CasedCliRoutes;
import dev.missioncontrol.sessions.JobStore;
import dev.missioncontrol.sessions.PostgresListener;
import dev.missioncontrol.sessions.QueueGauges;
import dev.missioncontrol.sessions.SessionHistoryStore;
import dev.missioncontrol.sessions.SessionRoutes;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.sessions.TimelineBus;
import dev.missioncontrol.sessions.TimelineFeed;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Dialect;
import dev.missioncontrol.store.HourlyCleanup;
import dev.missioncontrol.store.ServerLock;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.ClientAddress;
import dev.missioncontrol.web.Creation;
import dev.missioncontrol.web.IdempotencyStore;
import dev.missioncontrol.web.HealthRoutes;
import dev.missioncontrol.web.OpenApiRoutes;
import dev.missioncontrol.web.RateLimits;
import dev.missioncontrol.web.RouteGroup;
import dev.missioncontrol.web.SecurityHeaders;
import dev.missioncontrol.web.UploadLimit;
import dev.missioncontrol.web.WebServer;
import dev.missioncontrol.web.ui.LlmStatus;
import dev.missioncontrol.web.ui.ServerSettings;
import dev.missioncontrol.web.ui.UiRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: config, then database, stores, runtime and web. Wiring only, no logic. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private final ServerLock serverLock;
    private final Database db;
    private final WebServer web;
    private final Stores stores;
    private FirstStart.Credentials firstStart;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean stopping;

    private final AgentRuntime runtime;
    private final AppConfig config;

    private App(AppConfig config, Clock clock, AgentRuntime.Agents agents) {
        this.config = config;
        DatabaseUrl url = DatabaseUrl.resolve(config.databaseUrl(), config.dataDir());
        serverLock = url.dialect() == Dialect.SQLITE ? ServerLock.take(url.sqliteFile()) : null;
        try {
            db = Database.open(url, config.sqliteSynchronous(), config.dbPoolSize());
        } catch (RuntimeException e) {
            closeLock();
            throw e;
        }
        if (serverLock != null) {
            // the lock says no other server runs on this database, so every lease in it is a dead process's: its
            // sessions resume now, not when the leases run out, and its requests' idempotency keys are free again
            JobStore.releaseAll(db.jdbi());
            IdempotencyStore.releaseUnfinished(db.jdbi());
        }
        PrometheusMeterRegistry metrics = ServerMetrics.create(url, closeables);
        db.bindMetrics(metrics);
        QueueGauges.bindTo(metrics, db.jdbi(), db.dialect(), clock);
        Stores s = new Stores(db, clock);
        stores = s;
        Monitoring monitoring = new Monitoring(config, this::publicBaseUrl, db, s.deployments, clock, metrics);
        closeables.add(monitoring);
        runtime = new AgentRuntime(config, db, s.sessions, new AgentRuntime.Features(s.deployments,
                monitoring.tools(s.orgs, s.deployments, clock), monitoring.verdicts(s.deployments)), agents, clock);
        s.bus.onWork(runtime.dispatcher()::nudge);
        if (db.dialect().isPostgres()) {
            closeables.add(new PostgresListener(url, s.bus));
        }
        web = webServer(config, clock, s, monitoring, metrics);
        monitoring.start();
    }

    /** The HTTP side: every feature's routes behind the shared filters, and the hourly cleanup of what they keep. */
    private WebServer webServer(AppConfig config, Clock clock, Stores s, Monitoring monitoring,
            PrometheusMeterRegistry metrics) {
        IdempotencyStore idempotency = new IdempotencyStore(db.jdbi(), db.dialect(), clock);
        WebSessionStore logins = new WebSessionStore(db.jdbi(), clock);
        List<HourlyCleanup.Task> cleanups = new ArrayList<>(List.of(monitoring.signalRetention(clock),
                new HourlyCleanup.Task("idempotency keys past their retention", idempotency::purgeExpired),
                new HourlyCleanup.Task("expired logins", logins::deleteExpired)));
        historyRetention(config, clock).ifPresent(cleanups::add);
        closeables.add(new HourlyCleanup(cleanups).start());
        TimelineFeed feed = new TimelineFeed(s.sessions, s.bus, config.runtime().sseKeepAlive());
        SessionService sessionService = new SessionService(s.sessions, clock, config.limits().maxWaitingSessions(),
                DeploymentStore::settleVerdict);
        Creation creation = new Creation(idempotency);
        VerdictWait waits = new VerdictWait(s.deployments, s.bus);
        Gauge.builder("missioncontrol.deployments.verdict_waits", waits, VerdictWait::waiting)
                .description("deployment reads held for their verdict (?wait=N) now").register(metrics);
        List<RouteGroup> groups = new ArrayList<>(apiRoutes(config, clock, s, creation, feed, sessionService, waits));
        groups.add(new HealthRoutes(this::notReadyBecause, metrics));
        groups.addAll(monitoring.routes(s.orgs, creation, clock, config.limits().maxBody()));
        UiRoutes ui = new UiRoutes(logins, new UiRoutes.Features(s.users, s.keys, s.orgs, s.sessions,
                sessionService, s.deployments), new WebhookSettings(monitoring.webhooks()),
                serverSettings(config, monitoring), config.baseUrl());
        groups.add(ui);
        var limits = new RateLimits(config.limits().writesPerMinute(), config.limits().writeBurst());
        var filters = new WebServer.Filters(new ClientAddress(config.limits().trustedProxies()),
                new ApiAccess(new ApiKeyAuthenticator(s.keys), limits), limits,
                new SecurityHeaders(), metrics, ui.auth()::authenticateApi,
                new UploadLimit(config.limits().maxSessionBody()));
        return new WebServer(config.port(), filters, groups, List.of(() -> stopping = true, feed::closeAll,
                waits::stop));
    }

    private static List<RouteGroup> apiRoutes(AppConfig config, Clock clock, Stores s, Creation creation,
            TimelineFeed feed, SessionService sessionService, VerdictWait waits) {
        var deploymentService = new DeploymentService(s.sessions, s.deployments, s.dialect,
                Monitoring.schedule(config.runtime()), clock);
        return List.of(
                new DeploymentRoutes(deploymentService, s.deployments, s.orgs, creation,
                        waits, config.limits().maxBody()),
                new SessionRoutes(sessionService, s.sessions, creation, feed, config.limits().maxSessionBody(),
                        config.limits().maxBody()),
                new CasedCliRoutes(s.sessions, clock),
                new OpenApiRoutes());
    }

    /** What the settings page shows of this server's flags; the LLM key itself never leaves the config. */
    private static ServerSettings serverSettings(AppConfig config, Monitoring monitoring) {
        var llm = config.llm();
        var ig = config.integrations();
        return new ServerSettings(ig.prometheusUrl(), ig.prometheusStep(), config.runtime().bake(),
                config.runtime().warmup(),
                new LlmStatus(llm.provider(), llm.model(), llm.baseUrl(), llm.apiKey() != null && !llm.apiKey().isBlank()),
                monitoring.destinations());
    }

    /** The stores every feature shares. */
    private static final class Stores {
        final OrgStore orgs;
        final UserStore users;
        final ApiKeyStore keys;
        final TimelineBus bus = new TimelineBus();
        final SessionStore sessions;
        final DeploymentStore deployments;
        final dev.missioncontrol.store.Dialect dialect;

        Stores(Database db, Clock clock) {
            dialect = db.dialect();
            orgs = new OrgStore(db.jdbi(), clock);
            users = new UserStore(db.jdbi(), clock);
            keys = new ApiKeyStore(db.jdbi(), clock);
            sessions = new SessionStore(db.jdbi(), db.dialect(), bus);
            deployments = new DeploymentStore(db.jdbi());
        }
    }

    public static App start(AppConfig config, Clock clock) {
        return start(config, clock, AgentRuntime.Agents.builtIn());
    }

    /**
     * The first start's admin and key are created once the port is taken, not before: a node that then failed to
     * listen would take them back, and a second node started beside it, having seen them, would print nothing and
     * serve a database nobody can log in to.
     */
    static App start(AppConfig config, Clock clock, AgentRuntime.Agents agents) {
        App app = new App(config, clock, agents);
        try {
            app.web.start();
            app.firstStart = FirstStart.runIfEmpty(app.db.jdbi(), app.stores.orgs, app.stores.users, app.stores.keys);
            app.runtime.start();
        } catch (RuntimeException e) { // its port taken, most often: the first start's credentials were never shown
            app.abandon();
            throw e;
        }
        return app;
    }

    /** Stops what the constructor started, and takes back a first start nobody saw. */
    private void abandon() {
        if (firstStart != null) {
            try {
                FirstStart.undo(db.jdbi(), firstStart);
            } catch (RuntimeException undo) {
                LOG.warn("could not take back the first start's admin and key; create them with missionctl admin",
                        undo);
            }
        }
        close();
    }

    private Optional<String> notReadyBecause() {
        if (stopping) {
            return Optional.of("shutting down");
        }
        return db.reachable() ? Optional.empty() : Optional.of("the database does not answer");
    }

    public int port() {
        return web.port();
    }

    /** Finished sessions past --history-retention, when one is set; without it they are kept for good. */
    private Optional<HourlyCleanup.Task> historyRetention(AppConfig config, Clock clock) {
        Duration keep = config.integrations().historyRetention();
        if (keep.isZero()) {
            return Optional.empty();
        }
        SessionHistoryStore history = new SessionHistoryStore(db.jdbi(), db.dialect());
        return Optional.of(new HourlyCleanup.Task("finished sessions older than " + DurationText.format(keep),
                () -> history.purgeFinishedBefore(clock.instant().minus(keep))));
    }

    /** Where links to this server point: the base URL, else this machine at the port it listens on. */
    public String publicBaseUrl() {
        return config.publicBaseUrl(port());
    }

    public FirstStart.Credentials firstStart() {
        return firstStart;
    }

    public Database database() {
        return db;
    }

    public WebServer web() {
        return web;
    }

    /**
     * Answers 503 on /readyz for {@code drain} while still serving everything else, so a load balancer that polls it
     * takes the node out of rotation before {@link #close} refuses new connections. The sessions the node runs go on
     * meanwhile, and it starts no new one.
     */
    public void drain(Duration drain) throws InterruptedException {
        stopping = true;
        runtime.dispatcher().stopClaiming();
        if (drain.isPositive()) {
            LOG.info("draining: /readyz answers 503 for {} before the node stops", drain);
            Thread.sleep(drain);
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            runtime.close();
            web.stop();
        } finally {
            // whatever failed above, the rest still closes: the database last, after everything that writes to it
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down: the next closeable still gets its chance
                }
            }
            db.close();
            closeLock();
        }
    }

    private void closeLock() {
        try {
            if (serverLock != null) {
                serverLock.close();
            }
        } catch (IOException e) {
            LOG.warn("could not release the database's server lock: {}", e.toString());
        }
    }
}
