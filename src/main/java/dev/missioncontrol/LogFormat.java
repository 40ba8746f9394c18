package dev.missioncontrol;

import java.util.Locale;

/**
 * {@code MC_LOG_FORMAT}: text lines for people (the default), or one JSON object per event for a log shipper, whose
 * stack traces stay inside their event instead of spreading over lines it would take for events of their own. It is
 * chosen before the first logger exists, which fixes the logging configuration for the process.
 */
final class LogFormat {
    static final String VARIABLE = "MC_LOG_FORMAT";

    private LogFormat() {
    }

    /** Applies the format {@code value} names; returns false, having said why, when it names none. */
    static boolean choose(String value) {
        String format = value == null || value.isBlank() ? "text" : value.strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> {
                return true;
            }
            case "json" -> {
                System.setProperty("logback.configurationFile", "logback-json.xml");
                return true;
            }
            default -> {
                System.err.println("missionctl: " + VARIABLE + " must be text or json, not '" + value.strip() + "'");
                return false;
            }
        }
    }
}
