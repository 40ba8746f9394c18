package dev.missioncontrol;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.config.BadSetting;
import dev.missioncontrol.config.DatabaseOptions;
import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.config.LimitOptions;
import dev.missioncontrol.config.SettingName;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.TrustedCa;
import dev.missioncontrol.web.ClientAddress;
import dev.missioncontrol.web.ui.LlmStatus;
import dev.missioncontrol.orgs.FirstStart;
import dev.missioncontrol.store.AwaitDatabase;
import dev.missioncontrol.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code missionctl serve}: runs the server until SIGTERM, then lets in-flight requests finish. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Mission Control server.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "${env:MC_PORT:-8080}", description = "HTTP port (MC_PORT, default 8080).")
    int port;

    @Mixin
    DatabaseOptions database;

    @Mixin
    LimitOptions limits;

    @Option(names = "--base-url", defaultValue = "${env:MC_BASE_URL}",
            description = "Public URL of this server, used in links and notifications (MC_BASE_URL).")
    String baseUrl;

    @Option(names = "--concurrency", defaultValue = "${env:MC_CONCURRENCY:-16}",
            description = "Sessions this node runs at once (MC_CONCURRENCY, default 16).")
    int concurrency;

    @Option(names = "--monitor-schedule", defaultValue = "${env:MC_MONITOR_SCHEDULE:-10s,30s,1m,5m}",
            description = "When the deploy monitor checks after a successful deploy, then as often as the last of "
                    + "them until the bake time ends (MC_MONITOR_SCHEDULE, default 10s,30s,1m,5m).")
    String monitorSchedule;

    @Option(names = "--bake", defaultValue = "${env:MC_BAKE:-30m}",
            description = "How long a deploy is watched after it succeeds (MC_BAKE, default 30m).")
    String bake;

    @Option(names = "--monitor-warmup", defaultValue = "${env:MC_MONITOR_WARMUP:-0s}",
            description = "How long after a deploy is left out of the comparisons while the service warms up, e.g. "
                    + "1m; a project's warm-up (settings page) overrides it (MC_MONITOR_WARMUP, default 0s).")
    String warmup;

    @Option(names = "--prometheus-url", defaultValue = "${env:MC_PROMETHEUS_URL}",
            description = "Prometheus the deploy monitor queries (MC_PROMETHEUS_URL); projects may set their own.")
    String prometheusUrl;

    @Option(names = "--prometheus-step", defaultValue = "${env:MC_PROMETHEUS_STEP:-15s}",
            description = "Smallest Prometheus query step, usually the scrape interval (MC_PROMETHEUS_STEP, default 15s).")
    String prometheusStep;

    @Option(names = "--prometheus-headers-file", defaultValue = "${env:MC_PROMETHEUS_HEADERS_FILE}",
            description = "A file of 'Name: value' lines sent as headers to --prometheus-url only, such as "
                    + "'Authorization: Bearer …' or 'X-Scope-OrgID: team-a'; read again for each check "
                    + "(MC_PROMETHEUS_HEADERS_FILE).")
    String prometheusHeadersFile;

    @Option(names = "--signal-retention", defaultValue = "${env:MC_SIGNAL_RETENTION:-360h}",
            description = "How long pushed samples are kept (MC_SIGNAL_RETENTION, default 360h = 15 days).")
    String signalRetention;

    @Option(names = "--history-retention", defaultValue = "${env:MC_HISTORY_RETENTION:-0s}",
            description = "How long finished sessions are kept, with their timelines, deployments and "
                    + "notifications; 0s keeps them for good (MC_HISTORY_RETENTION, default 0s; at least 24h).")
    String historyRetention;

    @Option(names = "--trusted-proxies", defaultValue = "${env:MC_TRUSTED_PROXIES}", split = ",",
            description = "Comma-separated address blocks of reverse proxies in front of the server, whose "
                    + "X-Forwarded-For names the client for per-address limits (MC_TRUSTED_PROXIES).")
    List<String> trustedProxies;

    @Option(names = "--allow-cidr", defaultValue = "${env:MC_NOTIFY_ALLOW_CIDRS}", split = ",",
            description = "Address blocks webhooks and Prometheus may reach although private or loopback, e.g. "
                    + "10.0.0.0/8 (MC_NOTIFY_ALLOW_CIDRS, comma-separated).")
    List<String> allowCidrs;

    @Option(names = "--llm-provider", defaultValue = "${env:MC_LLM_PROVIDER}",
            description = "openai (any OpenAI-compatible endpoint) or anthropic; without it the built-in analyst "
                    + "investigates (MC_LLM_PROVIDER). The key is read from MC_LLM_API_KEY only.")
    String llmProvider;

    @Option(names = "--llm-model", defaultValue = "${env:MC_LLM_MODEL}", description = "Model name (MC_LLM_MODEL).")
    String llmModel;

    @Option(names = "--ca-cert", defaultValue = "${env:MC_CA_CERT}", paramLabel = "PEM",
            description = "Certificate authorities to trust besides the JDK's, for a Prometheus, webhook receiver or "
                    + "LLM gateway whose certificate an internal CA signed (MC_CA_CERT).")
    String caCert;

    @Option(names = "--llm-base-url", defaultValue = "${env:MC_LLM_BASE_URL}",
            description = "Provider endpoint, e.g. a local OpenAI-compatible server (MC_LLM_BASE_URL).")
    String llmBaseUrl;

    @Option(names = "--llm-max-tool-calls", defaultValue = "${env:MC_LLM_MAX_TOOL_CALLS:-12}",
            description = "Tool calls one session may make before the analyst writes the report "
                    + "(MC_LLM_MAX_TOOL_CALLS, default 12).")
    int llmMaxToolCalls;

    @Option(names = "--llm-max-tokens", defaultValue = "${env:MC_LLM_MAX_TOKENS:-500000}",
            description = "Tokens (estimated at 4 characters each) one session may send the LLM, follow-up "
                    + "questions included, before the analyst takes over (MC_LLM_MAX_TOKENS, default 500000).")
    long llmMaxTokens;

    @Option(names = "--llm-timeout", defaultValue = "${env:MC_LLM_TIMEOUT:-60s}",
            description = "How long one answer of the LLM provider may take before the analyst takes over "
                    + "(MC_LLM_TIMEOUT, default 60s).")
    String llmTimeout;

    @Option(names = "--llm-rate-limit-waits", defaultValue = "${env:MC_LLM_RATE_LIMIT_WAITS:-15s,45s}",
            description = "How long a session waits before asking a rate-limiting LLM provider again, one wait per "
                    + "retry, before the analyst takes over; longer when the provider's Retry-After asks, up to the "
                    + "last wait; empty for no retry (MC_LLM_RATE_LIMIT_WAITS, default 15s,45s).")
    String llmRateLimitWaits;

    @Option(names = "--drain", defaultValue = "${env:MC_DRAIN:-0s}",
            description = "On SIGTERM, how long /readyz answers 503 while the node still serves, so a load balancer "
                    + "stops sending it requests before it closes its port, e.g. 10s (MC_DRAIN, default 0s).")
    String drain;

    @Option(names = "--database-wait", defaultValue = "${env:MC_DATABASE_WAIT:-2m}",
            description = "How long serve waits for PostgreSQL to take connections at start (restarting, failing "
                    + "over, still coming up) before it gives up (MC_DATABASE_WAIT, default 2m; 0s gives up at once).")
    String databaseWait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = checkedConfig();
        // before the shutdown hook: a stop while waiting has nothing to close, and ends the process at once
        AwaitDatabase.await(DatabaseUrl.resolve(config.databaseUrl(), config.dataDir()), databaseWait());
        StopOnSignal stop = new StopOnSignal(drainTime());
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
        } catch (IllegalStateException stopping) {
            return 0; // asked to stop before anything was opened: there is nothing to close
        }
        App app = null;
        try {
            long started = System.nanoTime();
            app = App.start(config, Clock.tickMillis(java.time.ZoneOffset.UTC));
            announce(app, config, (System.nanoTime() - started) / 1_000_000);
        } finally {
            stop.startEnded(app);
        }
        stop.awaitStopped();
        return 0;
    }

    private static void announce(App app, AppConfig config, long startMillis) {
        // every start says where to go next, not only the first, whose banner scrolled away long ago
        LOG.info("{} is up at {}/ (port {}, {} database, started in {} ms)", BuildVersion.describe(),
                app.publicBaseUrl(), app.port(), app.database().dialect().name().toLowerCase(Locale.ROOT), startMillis);
        if (config.baseUrl() == null || config.baseUrl().isBlank()) {
            LOG.warn("no --base-url (MC_BASE_URL): links in notifications point at {}; set it to the "
                    + "address people reach this server at", app.publicBaseUrl());
        }
        if (ServingChecks.hasLlm(config.llm()) && !ServingChecks.hasKey(config.llm())) {
            LOG.warn("no MC_LLM_API_KEY: requests to {} are sent without a key; if it needs one, every "
                    + "investigation falls back to the built-in analyst", LlmStatus.shown(config.llm().baseUrl()));
        }
        if (app.firstStart() != null) {
            FirstStart.print(app.firstStart(), app.publicBaseUrl(), System.out);
        }
    }

    /** More connections than any PostgreSQL server is configured for by default ten times over. */
    private static final int MAX_POOL = 1000;
    /** Ten times Kubernetes' default grace period: a longer drain is a typo, and would hold every stop. */
    private static final Duration MAX_DRAIN = Duration.ofMinutes(5);

    /** A wait longer than this is a typo; a database down for an hour is an operator's to bring back first. */
    private static final Duration MAX_DATABASE_WAIT = Duration.ofHours(1);

    private Duration databaseWait() {
        return atMost("--database-wait", databaseWait, MAX_DATABASE_WAIT);
    }

    private Duration drainTime() {
        return atMost("--drain", drain, MAX_DRAIN);
    }

    private static Duration atMost(String flag, String text, Duration max) {
        Duration d = duration(flag, text);
        if (d.compareTo(max) > 0) {
            throw new BadSetting(flag, "must be at most " + DurationText.format(max));
        }
        return d;
    }

    /** The configuration, or a usage error naming the flag, its variable and the value's problem. */
    private AppConfig checkedConfig() {
        try {
            AppConfig config = config();
            if (config.runtime().bake().compareTo(MonitorSettings.MAX_BAKE) > 0) {
                throw new BadSetting("--bake", "must be at most " + DurationText.format(MonitorSettings.MAX_BAKE)
                        + ", as a project's own bake time must");
            }
            // refuses a warm-up as long as the bake
            BadSetting.read("--monitor-warmup", config.runtime(), Monitoring::schedule);
            BadSetting.read("--trusted-proxies", config.limits().trustedProxies(), ClientAddress::new);
            BadSetting.read("--allow-cidr", config.integrations().allowCidrs(), AddressPolicy::allowing);
            if (config.dbPoolSize() < 0 || config.dbPoolSize() > MAX_POOL) {
                throw new BadSetting("--db-pool-size", "must be from 1 to " + MAX_POOL + ", or 0 for the default");
            }
            ServingChecks.check(config);
            trustCaCert();
            drainTime();
            databaseWait();
            return config;
        } catch (BadSetting e) {
            throw new ParameterException(spec.commandLine(), SettingName.of(spec.findOption(e.flag())) + ": "
                    + e.getMessage(), e, spec.findOption(e.flag()), null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Before anything opens a connection: every outbound client takes the process's default TLS context. */
    private void trustCaCert() {
        if (caCert != null && !caCert.isBlank()) { // MC_CA_CERT= (set but empty) trusts nothing more
            try {
                TrustedCa.install(Path.of(caCert.strip()));
            } catch (TrustedCa.UnusableCaCert e) {
                throw new BadSetting("--ca-cert", e.reason());
            }
        }
    }

    AppConfig config() {
        var runtime = new AppConfig.Runtime(concurrency, AppConfig.Runtime.defaults().lease(),
                AppConfig.Runtime.defaults().poll(), BadSetting.read("--monitor-schedule", monitorSchedule,
                ServeCommand::durations), duration("--bake", bake), duration("--monitor-warmup", warmup),
                AppConfig.Runtime.defaults().sseKeepAlive());
        var integrations = new AppConfig.Integrations(prometheusUrl, duration("--prometheus-step", prometheusStep),
                duration("--signal-retention", signalRetention), allowCidrs == null ? List.of() : allowCidrs,
                AppConfig.Integrations.defaults().notifyBackoff(), duration("--history-retention", historyRetention),
                prometheusHeadersFile == null || prometheusHeadersFile.isBlank() ? null
                        : Path.of(prometheusHeadersFile.strip()));
        var llm = new AppConfig.Llm(llmProvider, llmModel, llmBaseUrl, System.getenv("MC_LLM_API_KEY"),
                llmMaxToolCalls, duration("--llm-timeout", llmTimeout), llmMaxTokens,
                BadSetting.read("--llm-rate-limit-waits", llmRateLimitWaits, ServeCommand::durations));
        return new AppConfig(port, database.dataDir, database.databaseUrl, baseUrl, database.sqliteSynchronous,
                database.poolSize, limits.limits(trustedProxies == null ? List.of() : trustedProxies),
                runtime, integrations, llm);
    }

    private static Duration duration(String flag, String text) {
        return BadSetting.read(flag, text, DurationText::parse);
    }

    static List<Duration> durations(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(DurationText::parse)
                .toList();
    }
}
