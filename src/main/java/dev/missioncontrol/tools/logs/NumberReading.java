package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements one event states: numbers in its message with the word before them and a unit ("latency 850ms",
 * "pool 48/50", "heap 91%"), or numeric fields of a JSON record. Identifiers are not measurements: numbers glued to
 * words, IP addresses, dates and times are skipped.
 */
record NumberReading(int slot, String label, String unit, double value) {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.:/#-])(?<v>\\d+(?:\\.\\d+)?)(?:/(?<of>\\d+(?:\\.\\d+)?))?\\s?(?<unit>ms|us|s|%|[KMG]i?B)?"
                    + "(?![\\w.:/-])");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w.-]*");
    /** Words that sit between a name and its number without naming anything: "latency of 12 ms", "took 3s". */
    private static final Set<String> FILLER = Set.of("in", "of", "at", "to", "for", "after", "is", "was", "are", "by",
            "with", "took", "from", "the", "a", "an", "now", "currently", "reached", "value");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "\"(?<k>[A-Za-z_][\\w.]*)\"\\s*:\\s*(?<v>-?\\d+(?:\\.\\d+)?)\\s*(?=[,}])");
    private static final Pattern IDENTIFIER_KEY = Pattern.compile("(?i).*(?:id|port|pid|status|code|line)$");
    static final int MAX_SLOTS = 8;

    static List<NumberReading> of(LogRecord event) {
        List<NumberReading> found = new ArrayList<>(2);
        if (event.raw().startsWith("{")) {
            jsonFields(event.raw(), found);
        }
        inMessage(event.message(), found);
        return found;
    }

    private static void inMessage(String message, List<NumberReading> found) {
        Matcher m = NUMBER.matcher(message);
        int ordinal = 0;
        while (m.find() && found.size() < MAX_SLOTS) {
            double value = Double.parseDouble(m.group("v"));
            String unit = m.group("unit");
            if (m.group("of") != null) {
                double of = Double.parseDouble(m.group("of"));
                if (of <= 0) {
                    continue;
                }
                value = 100 * value / of; // "48/50" is how full something is
                unit = "%";
            }
            found.add(new NumberReading(MAX_SLOTS + ordinal++, label(message, m.start()), unit, value));
        }
    }

    /**
     * The words that name the number: up to three before it, within its clause ("db.Pool - connection pool usage
     * 85/100" gives "connection pool usage"), without fillers such as "in" or "took".
     */
    static String label(String message, int numberAt) {
        String before = message.substring(Math.max(0, numberAt - 60), numberAt).stripTrailing();
        before = before.replaceAll("[^\\w]+$", "");
        int clause = Math.max(Math.max(before.lastIndexOf(" - "), before.lastIndexOf(',')),
                Math.max(before.lastIndexOf(':'), before.lastIndexOf(';')));
        Matcher w = WORD.matcher(clause < 0 ? before : before.substring(clause + 1));
        List<String> words = new ArrayList<>();
        while (w.find()) {
            words.add(w.group());
        }
        while (!words.isEmpty() && FILLER.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        return words.isEmpty() ? "value" : String.join(" ", words.subList(Math.max(0, words.size() - 3),
                words.size()));
    }

    private static void jsonFields(String raw, List<NumberReading> found) {
        Matcher m = JSON_FIELD.matcher(raw);
        int ordinal = 0;
        while (m.find() && ordinal < MAX_SLOTS) {
            String key = m.group("k");
            if (!IDENTIFIER_KEY.matcher(key).matches()) {
                found.add(new NumberReading(ordinal++, key, unitOfKey(key), Double.parseDouble(m.group("v"))));
            }
        }
    }

    private static String unitOfKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("_ms") || k.endsWith("millis")) {
            return "ms";
        }
        if (k.endsWith("_pct") || k.endsWith("percent") || k.endsWith("_percentage")) {
            return "%";
        }
        return k.endsWith("_seconds") || k.endsWith("_secs") ? "s" : null;
    }
}
