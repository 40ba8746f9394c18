package dev.missioncontrol.logs;

import java.util.Locale;
import java.util.Map;

/** Maps the many spellings of a severity onto ERROR, WARN, INFO, DEBUG, TRACE and FATAL. */
final class Levels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("FATAL", "FATAL"), Map.entry("PANIC", "FATAL"), Map.entry("EMERG", "FATAL"),
            Map.entry("EMERGENCY", "FATAL"), Map.entry("ALERT", "FATAL"), Map.entry("CRIT", "FATAL"),
            Map.entry("CRITICAL", "FATAL"), Map.entry("ERROR", "ERROR"), Map.entry("ERR", "ERROR"),
            Map.entry("SEVERE", "ERROR"), Map.entry("FAILURE", "ERROR"), Map.entry("WARN", "WARN"),
            Map.entry("WARNING", "WARN"), Map.entry("INFO", "INFO"), Map.entry("NOTICE", "INFO"),
            Map.entry("INFORMATION", "INFO"), Map.entry("DEBUG", "DEBUG"), Map.entry("FINE", "DEBUG"),
            Map.entry("CONFIG", "DEBUG"), Map.entry("TRACE", "TRACE"), Map.entry("FINER", "TRACE"),
            Map.entry("FINEST", "TRACE"), Map.entry("VERBOSE", "TRACE"));

    private Levels() {
    }

    /** The normalized level for a word such as {@code warning} or {@code [ERROR]}, or null if it is none. */
    static String normalize(String word) {
        if (word == null) {
            return null;
        }
        String bare = strip(word);
        return bare.isEmpty() || bare.length() > 11 ? null : NAMES.get(bare.toUpperCase(Locale.ROOT));
    }

    /**
     * A level written as a header token: upper case ({@code ERROR}), bracketed ({@code [error]}) or followed by a
     * colon ({@code error:}). A lower-case word in running text ({@code an error occurred}) is not one.
     */
    static String fromHeaderToken(String token) {
        String level = normalize(token);
        if (level == null) {
            return null;
        }
        String bare = strip(token);
        boolean marked = !bare.equals(token) || bare.equals(bare.toUpperCase(Locale.ROOT));
        return marked ? level : null;
    }

    /**
     * A number in a JSON record's level field, on the scale pino and bunyan write: 10 trace, 20 debug, 30 info,
     * 40 warn, 50 error, 60 fatal. A custom level between two takes the one below it. Numbers under 10 are left
     * alone: syslog severities (0 emergency to 7 debug) run the other way, and a guess would invert them.
     */
    static String fromNumber(double level) {
        if (level < 10) {
            return null;
        }
        return level >= 60 ? "FATAL" : level >= 50 ? "ERROR" : level >= 40 ? "WARN" : level >= 30 ? "INFO"
                : level >= 20 ? "DEBUG" : "TRACE";
    }

    /**
     * HTTP status class: 5xx is an error (the server failed), 4xx a warning (the request was refused), anything else
     * information. A 404 is a warning like the rest of 4xx: on its own it is often a crawler or a stale link, but a
     * steady trickle of them reads as background in the incident, and a burst after a deploy is worth seeing.
     */
    static String fromHttpStatus(int status) {
        return status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
    }

    private static String strip(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && "[(<".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "])>:,|".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }
}
