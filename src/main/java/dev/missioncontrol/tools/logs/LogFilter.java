package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.logs.LogRecord;
import java.time.Instant;
import java.util.Locale;

/**
 * Which events a tool looks at: one service, a time window, a minimum level. Events without a timestamp pass a time
 * window (a stack trace line has none of its own), and events without a level pass a level filter only when it is
 * absent, since an unmarked line may still be the needle.
 */
public record LogFilter(String service, Instant since, Instant until, String level) {

    public static final LogFilter NONE = new LogFilter(null, null, null, null);

    public static LogFilter from(JsonNode args) {
        if (args == null || !args.isObject()) {
            return NONE;
        }
        String level = text(args, "level");
        return new LogFilter(text(args, "service"), time(args, "since"), time(args, "until"),
                level == null ? null : level.toUpperCase(Locale.ROOT));
    }

    public boolean accepts(LogRecord e) {
        if (service != null && !mentionsService(e)) {
            return false;
        }
        Instant at = e.timestamp();
        if (at != null && (since != null && at.isBefore(since) || until != null && at.isAfter(until))) {
            return false;
        }
        return level == null || rank(e.level()) >= rank(level);
    }

    /** A cache key: two equal filters mine the same events. */
    String key() {
        return service + "|" + since + "|" + until + "|" + level;
    }

    private boolean mentionsService(LogRecord e) {
        String wanted = service.toLowerCase(Locale.ROOT);
        return e.component() != null && e.component().toLowerCase(Locale.ROOT).contains(wanted)
                || e.raw().toLowerCase(Locale.ROOT).contains(wanted);
    }

    private static int rank(String level) {
        if (level == null) {
            return -1;
        }
        return switch (level) {
            case "FATAL" -> 5;
            case "ERROR" -> 4;
            case "WARN", "WARNING" -> 3;
            case "INFO" -> 2;
            case "DEBUG" -> 1;
            default -> 0;
        };
    }

    private static String text(JsonNode args, String field) {
        String v = args.path(field).asText(null);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Instant time(JsonNode args, String field) {
        return dev.missioncontrol.tools.ToolArgs.time(args, field, null);
    }
}
