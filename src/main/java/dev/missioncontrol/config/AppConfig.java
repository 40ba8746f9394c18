package dev.missioncontrol.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server is configured with, read once at start from flags and MC_* variables.
 *
 * @param databaseUrl null means the embedded SQLite file in {@code dataDir}
 * @param baseUrl the public URL people reach the server at; null means derived from the port
 */
public record AppConfig(
        int port,
        Path dataDir,
        String databaseUrl,
        String baseUrl,
        String sqliteSynchronous,
        int dbPoolSize,
        Limits limits,
        Runtime runtime,
        Integrations integrations,
        Llm llm) {

    /**
     * Request-size and rate limits; API.md gives the defaults.
     *
     * @param trustedProxies address blocks of reverse proxies whose X-Forwarded-For names the client, whom the
     *                       per-address limits then count
     * @param maxWaitingSessions investigations an organization may have waiting for a worker before new ones are
     *                           refused with 429
     */
    public record Limits(long maxBody, long maxSessionBody, int writesPerMinute, int writeBurst,
            List<String> trustedProxies, int maxWaitingSessions) {
        public static final int DEFAULT_MAX_WAITING_SESSIONS = 1000;

        public Limits {
            trustedProxies = List.copyOf(trustedProxies);
        }

        public Limits(long maxBody, long maxSessionBody, int writesPerMinute, int writeBurst) {
            this(maxBody, maxSessionBody, writesPerMinute, writeBurst, List.of(), DEFAULT_MAX_WAITING_SESSIONS);
        }

        public static Limits defaults() {
            return new Limits(1L << 20, 64L << 20, 600, 100);
        }

        public Limits withTrustedProxies(List<String> blocks) {
            return new Limits(maxBody, maxSessionBody, writesPerMinute, writeBurst, blocks, maxWaitingSessions);
        }

        public Limits withMaxWaitingSessions(int n) {
            return new Limits(maxBody, maxSessionBody, writesPerMinute, writeBurst, trustedProxies, n);
        }
    }

    /** How sessions are run on this node. */
    public record Runtime(int concurrency, Duration lease, Duration poll, List<Duration> monitorSchedule, Duration bake,
            Duration warmup, Duration sseKeepAlive) {
        public static Runtime defaults() {
            return new Runtime(16, Duration.ofSeconds(30), Duration.ofSeconds(1),
                    List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)),
                    Duration.ofMinutes(30), Duration.ZERO, Duration.ofSeconds(15));
        }

        public Runtime withLease(Duration newLease) {
            return new Runtime(concurrency, newLease, poll, monitorSchedule, bake, warmup, sseKeepAlive);
        }

        public Runtime withConcurrency(int n) {
            return new Runtime(n, lease, poll, monitorSchedule, bake, warmup, sseKeepAlive);
        }

        public Runtime withKeepAlive(Duration every) {
            return new Runtime(concurrency, lease, poll, monitorSchedule, bake, warmup, every);
        }
    }

    /**
     * The LLM provider, when one is configured.
     *
     * @param provider  {@code openai} (any OpenAI-compatible endpoint) or {@code anthropic}; null for none
     * @param maxTokens tokens (estimated) one session may send the provider, follow-up questions included
     * @param rateLimitWaits how long a session sleeps before asking a rate-limiting provider again, one wait per
     *                       retry; when they are spent the analyst takes over
     */
    public record Llm(String provider, String model, String baseUrl, String apiKey, int maxToolCalls,
            Duration timeout, long maxTokens, List<Duration> rateLimitWaits) {
        /** The default token budget: room for the default 12 tool calls on full-size results, and follow-ups. */
        public static final long DEFAULT_MAX_TOKENS = 500_000;
        /**
         * Providers limit tokens and requests per minute, so a wait of most of a minute in all outlasts a burst of
         * tool calls; a longer one would keep an incident's report waiting that the analyst can write at once.
         */
        public static final List<Duration> DEFAULT_RATE_LIMIT_WAITS = List.of(Duration.ofSeconds(15),
                Duration.ofSeconds(45));

        /**
         * A key kept in a file ends with a line break (a Kubernetes secret made with --from-file, {@code echo key >
         * file}), which no provider's key has: sent in a header, it failed every request before it left.
         */
        public Llm {
            apiKey = apiKey == null ? null : apiKey.strip();
            rateLimitWaits = List.copyOf(rateLimitWaits);
        }

        public Llm(String provider, String model, String baseUrl, String apiKey, int maxToolCalls, Duration timeout) {
            this(provider, model, baseUrl, apiKey, maxToolCalls, timeout, DEFAULT_MAX_TOKENS,
                    DEFAULT_RATE_LIMIT_WAITS);
        }

        public Llm withRateLimitWaits(List<Duration> waits) {
            return new Llm(provider, model, baseUrl, apiKey, maxToolCalls, timeout, maxTokens, waits);
        }

        public static Llm none() {
            return new Llm(null, null, null, null, 12, Duration.ofSeconds(60));
        }
    }

    /**
     * Outbound integrations: where signals come from, how long pushed ones are kept, and which otherwise denied
     * networks admin-configured URLs may reach.
     *
     * @param prometheusUrl  the server-wide Prometheus, or null; a project's settings may name its own
     * @param prometheusStep the smallest query step: the scrape interval, since finer steps only repeat samples
     * @param allowCidrs     address blocks allowed despite the SSRF guard, e.g. 10.0.0.0/8 for an internal Prometheus
     * @param notifyBackoff  the wait before a failed notification's first retry; it doubles with each attempt
     * @param historyRetention how long finished sessions, their deployments and notifications are kept; zero keeps
     *                       them for good
     * @param prometheusHeaders a file of headers for the server-wide Prometheus (credentials, a tenant), or null
     */
    public record Integrations(String prometheusUrl, Duration prometheusStep, Duration signalRetention,
            List<String> allowCidrs, Duration notifyBackoff, Duration historyRetention, Path prometheusHeaders) {
        public Integrations {
            allowCidrs = List.copyOf(allowCidrs);
        }

        public Integrations(String prometheusUrl, Duration prometheusStep, Duration signalRetention,
                List<String> allowCidrs, Duration notifyBackoff) {
            this(prometheusUrl, prometheusStep, signalRetention, allowCidrs, notifyBackoff, Duration.ZERO, null);
        }

        public static Integrations defaults() {
            return new Integrations(null, Duration.ofSeconds(15), Duration.ofDays(15), List.of(), Duration.ofSeconds(30));
        }

        public Integrations withHistoryRetention(Duration retention) {
            return new Integrations(prometheusUrl, prometheusStep, signalRetention, allowCidrs, notifyBackoff,
                    retention, prometheusHeaders);
        }

        public Integrations withPrometheusHeaders(Path file) {
            return new Integrations(prometheusUrl, prometheusStep, signalRetention, allowCidrs, notifyBackoff,
                    historyRetention, file);
        }
    }

    /**
     * Where links in notifications and the first start's banner point: the base URL, else this machine at the port
     * the server is bound to, which differs from {@link #port} when that is 0 (any free port).
     */
    public String publicBaseUrl(int boundPort) {
        return baseUrl != null && !baseUrl.isBlank() ? baseUrl.replaceAll("/+$", "") : "http://localhost:" + boundPort;
    }

    /** A configuration for tests and tools: an ephemeral port and defaults everywhere else. */
    public static AppConfig forDatabase(Path dataDir, String databaseUrl) {
        return new AppConfig(0, dataDir, databaseUrl, null, "FULL", 0, Limits.defaults(), Runtime.defaults(),
                Integrations.defaults(), Llm.none());
    }

    public AppConfig withBaseUrl(String newBaseUrl) {
        return new AppConfig(port, dataDir, databaseUrl, newBaseUrl, sqliteSynchronous, dbPoolSize, limits,
                runtime, integrations, llm);
    }

    public AppConfig withLimits(Limits newLimits) {
        return new AppConfig(port, dataDir, databaseUrl, baseUrl, sqliteSynchronous, dbPoolSize, newLimits,
                runtime, integrations, llm);
    }

    public AppConfig withRuntime(Runtime newRuntime) {
        return new AppConfig(port, dataDir, databaseUrl, baseUrl, sqliteSynchronous, dbPoolSize, limits,
                newRuntime, integrations, llm);
    }

    public AppConfig withIntegrations(Integrations newIntegrations) {
        return new AppConfig(port, dataDir, databaseUrl, baseUrl, sqliteSynchronous, dbPoolSize, limits,
                runtime, newIntegrations, llm);
    }

    public AppConfig withLlm(Llm newLlm) {
        return new AppConfig(port, dataDir, databaseUrl, baseUrl, sqliteSynchronous, dbPoolSize, limits,
                runtime, integrations, newLlm);
    }
}
