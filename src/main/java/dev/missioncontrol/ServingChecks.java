package dev.missioncontrol;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.config.BadSetting;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.signals.PrometheusHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Values that would start a server that never works, refused before anything opens: no session is ever run at
 * concurrency 0, a port past 65535 fails only after the database is open, and a URL that is no http(s) URL is printed
 * in the credentials or queried on every check.
 */
final class ServingChecks {
    private static final Duration MIN_HISTORY = Duration.ofHours(24);

    private ServingChecks() {
    }

    static void check(AppConfig config) {
        if (config.port() < 0 || config.port() > 65_535) {
            throw new BadSetting("--port", "must be from 0 to 65535");
        }
        if (config.runtime().concurrency() < 1) {
            throw new BadSetting("--concurrency", "must be at least 1");
        }
        requireHttpUrl("--base-url", config.baseUrl());
        requireHttpUrl("--prometheus-url", config.integrations().prometheusUrl());
        checkPrometheusHeaders(config.integrations());
        requireHttpUrl("--llm-base-url", config.llm().baseUrl());
        if (!config.integrations().prometheusStep().isPositive()) {
            throw new BadSetting("--prometheus-step", "must be longer than 0s");
        }
        if (!config.integrations().signalRetention().isPositive()) { // the hourly cleanup would delete every sample
            throw new BadSetting("--signal-retention", "must be longer than 0s");
        }
        Duration history = config.integrations().historyRetention();
        if (!history.isZero() && history.compareTo(MIN_HISTORY) < 0) { // "30" meant as days would empty the history
            throw new BadSetting("--history-retention", "must be 0s (keep for good) or at least 24h");
        }
        if (config.runtime().monitorSchedule().isEmpty()) {
            throw new BadSetting("--monitor-schedule", "must name at least one check offset, e.g. 10s,30s,1m,5m");
        }
        checkLlm(config.llm());
        if (config.sqliteSynchronous() != null
                && !List.of("FULL", "NORMAL").contains(config.sqliteSynchronous().toUpperCase(Locale.ROOT))) {
            throw new BadSetting("--sqlite-synchronous", "must be FULL or NORMAL");
        }
    }

    /** A headers file that could never be sent, or is no list of headers, is refused rather than failing each check. */
    private static void checkPrometheusHeaders(AppConfig.Integrations ig) {
        if (ig.prometheusHeaders() == null) {
            return;
        }
        if (ig.prometheusUrl() == null || ig.prometheusUrl().isBlank()) {
            throw new BadSetting("--prometheus-headers-file", "is sent to --prometheus-url only, which is not set");
        }
        BadSetting.read("--prometheus-headers-file", ig.prometheusHeaders(), PrometheusHeaders::from);
    }

    /**
     * An LLM the server could never ask would hand every investigation to the analyst, each time with an error the
     * operator sees only on the timeline; so what every request needs is refused at start.
     */
    private static void checkLlm(AppConfig.Llm llm) {
        if (llm.maxToolCalls() < 1) {
            throw new BadSetting("--llm-max-tool-calls", "must be at least 1, not " + llm.maxToolCalls());
        }
        if (llm.maxTokens() < 1) {
            throw new BadSetting("--llm-max-tokens", "must be at least 1, not " + llm.maxTokens());
        }
        if (!hasLlm(llm)) {
            return;
        }
        if (!List.of("openai", "anthropic").contains(llm.provider().toLowerCase(Locale.ROOT))) {
            throw new BadSetting("--llm-provider", "must be openai (any OpenAI-compatible endpoint) or anthropic, not "
                    + llm.provider());
        }
        if (llm.model() == null || llm.model().isBlank()) {
            throw new BadSetting("--llm-model", "is needed with --llm-provider: every request names its model");
        }
        if (!llm.timeout().isPositive()) {
            throw new BadSetting("--llm-timeout", "must be longer than 0s");
        }
        if (hasKey(llm) && llm.apiKey().chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            // a header cannot carry it, so every request would fail before it left
            throw new IllegalArgumentException("MC_LLM_API_KEY holds a space or a line break; a provider's key is "
                    + "one word");
        }
        if (!hasKey(llm) && !keyMayBeMissing(llm)) {
            throw new IllegalArgumentException("--llm-provider " + llm.provider() + " needs its key in MC_LLM_API_KEY "
                    + "(read from the environment only)");
        }
    }

    static boolean hasLlm(AppConfig.Llm llm) {
        return llm.provider() != null && !llm.provider().isBlank();
    }

    static boolean hasKey(AppConfig.Llm llm) {
        return llm.apiKey() != null && !llm.apiKey().isBlank();
    }

    /** Only an OpenAI-compatible server of one's own (--llm-base-url) may take requests without a key. */
    static boolean keyMayBeMissing(AppConfig.Llm llm) {
        return "openai".equalsIgnoreCase(llm.provider()) && llm.baseUrl() != null && !llm.baseUrl().isBlank();
    }

    private static void requireHttpUrl(String flag, String url) {
        if (url != null && !url.isBlank() && !Validator.HTTP_URL.matcher(url).matches()) {
            throw new BadSetting(flag, "must be an http:// or https:// URL, not " + url);
        }
    }
}
