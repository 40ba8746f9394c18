package dev.missioncontrol.agent.analyst;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception behind most of the incident's problem lines, as a person asking for "the root cause exception"
 * means it: the class the lines name, how many lines name it, the most frequent kind of line naming it, and the
 * innermost cause that line's quoted text shows ("nested exception is …", "Caused by: …"), which is often the one to
 * look up.
 *
 * @param innermost the last cause named in the quoted line, or null when it names none other than {@code name}
 */
record LeadingException(String name, long lines, LogTemplate template, String innermost) {

    private static final Pattern CAUSE = Pattern.compile(
            "(?:Caused by:|nested exception is)\\s*((?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error))");

    static Optional<LeadingException> of(Incident incident) {
        Map<String, Long> byName = new LinkedHashMap<>();
        incident.involved().stream().filter(t -> t.exception() != null)
                .forEach(t -> byName.merge(t.exception(), t.count(), Long::sum));
        return byName.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> {
            LogTemplate most = largest(incident.involved().stream().filter(t -> e.getKey().equals(t.exception()))
                    .toList());
            return new LeadingException(e.getKey(), e.getValue(), most, innermost(most.sample(), e.getKey()));
        });
    }

    static LogTemplate largest(List<LogTemplate> templates) {
        return templates.stream().max(Comparator.comparingLong(LogTemplate::count)).orElseThrow();
    }

    private static String innermost(String sample, String name) {
        Matcher m = CAUSE.matcher(sample);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null || last.equals(name) ? null : last;
    }
}
