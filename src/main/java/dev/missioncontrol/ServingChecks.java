package dev.missioncontrol;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.config.BadSetting;
import dev.missioncontrol.errors.Validator;
import java.util.List;
import java.util.Locale;

/**
 * Values that would start a server that never works, refused before anything opens: no session is ever run at
 * concurrency 0, a port past 65535 fails only after the database is open, and a URL that is no http(s) URL is printed
 * in the credentials or queried on every check.
 */
final class ServingChecks {
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
        requireHttpUrl("--llm-base-url", config.llm().baseUrl());
        if (!config.integrations().prometheusStep().isPositive()) {
            throw new BadSetting("--prometheus-step", "must be longer than 0s");
        }
        if (config.llm().provider() != null && !config.llm().timeout().isPositive()) {
            throw new BadSetting("--llm-timeout", "must be longer than 0s");
        }
        if (config.sqliteSynchronous() != null
                && !List.of("FULL", "NORMAL").contains(config.sqliteSynchronous().toUpperCase(Locale.ROOT))) {
            throw new BadSetting("--sqlite-synchronous", "must be FULL or NORMAL");
        }
    }

    private static void requireHttpUrl(String flag, String url) {
        if (url != null && !url.isBlank() && !Validator.HTTP_URL.matcher(url).matches()) {
            throw new BadSetting(flag, "must be an http:// or https:// URL, not " + url);
        }
    }
}
