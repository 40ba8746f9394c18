package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One template as analyze_logs reported it.
 *
 * @param thrownAt  the first frame of the application's own code in its first line's stack trace, or null
 * @param addresses the addresses its lines name most, most first
 * @param raised    the exception line of its first line's stack trace (the root cause of a Java one), or null
 */
record LogTemplate(String id, String source, String template, String message, long count, long errors,
                   long warnings, String level, String problem, Instant firstSeen, Instant lastSeen, long firstLine,
                   String sample, List<String> components, String exception, String thrownAt,
                   List<Address> addresses, long[] histogram, String raised) {

    /** A template whose trace, if any, was not read for what it raised. */
    LogTemplate(String id, String source, String template, String message, long count, long errors, long warnings,
                String level, String problem, Instant firstSeen, Instant lastSeen, long firstLine, String sample,
                List<String> components, String exception, String thrownAt, List<Address> addresses,
                long[] histogram) {
        this(id, source, template, message, count, errors, warnings, level, problem, firstSeen, lastSeen, firstLine,
                sample, components, exception, thrownAt, addresses, histogram, null);
    }

    /** An address the template's lines name, and how many; {@code over} bounds how many of those are another's. */
    record Address(String address, long lines, long over) {
    }

    static LogTemplate from(JsonNode n) {
        JsonNode h = n.path("histogram");
        long[] histogram = new long[h.size()];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = h.get(i).asLong();
        }
        return new LogTemplate(n.path("id").asText(), n.path("source").asText(), n.path("template").asText(),
                n.path("message").asText(""), n.path("count").asLong(), n.path("errors").asLong(),
                n.path("warnings").asLong(), Views.text(n.get("level")), Views.text(n.get("problem")),
                Views.instant(n.get("first_seen")), Views.instant(n.get("last_seen")), n.path("first_line").asLong(),
                n.path("sample").asText(""), Views.list(n.get("components"), JsonNode::asText),
                Views.text(n.get("exception")), Views.text(n.get("thrown_at")), Views.list(n.get("addresses"),
                        a -> new Address(a.path("address").asText(), a.path("lines").asLong(), a.path("over").asLong())),
                histogram, Views.text(n.get("raised")));
    }

    boolean isProblem() {
        return problem != null;
    }

    /**
     * Whether its lines are errors: logged at ERROR or above, or, without any level, naming an error class
     * ({@code UnhandledPromiseRejectionWarning: MongoServerSelectionError: connect ECONNREFUSED}), as a person
     * reading a plain stream would take them.
     */
    boolean isError() {
        return errors > 0 || level == null && warnings == 0 && exception != null;
    }

    /** The first line of this template, as evidence. */
    Quote firstQuote() {
        return new Quote(source, firstLine, firstSeen, sample);
    }

    String component() {
        return components.isEmpty() ? null : components.get(0);
    }

    /** What a person calls this kind of line: its message with the values of its first occurrence. */
    String label() {
        return message.isBlank() ? template : message;
    }
}
