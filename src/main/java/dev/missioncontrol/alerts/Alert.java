package dev.missioncontrol.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One alert as Alertmanager's webhook or Prometheus's {@code /api/v1/alerts} gives it, read as the request sent it:
 * its text is the sender's, neither redacted nor escaped.
 *
 * @param status "firing", "resolved", or Prometheus's "pending"/"inactive"; "firing" when none is given
 * @param start  {@code startsAt} (Alertmanager) or {@code activeAt} (Prometheus), or null
 * @param end    {@code endsAt}, or null when absent or Alertmanager's zero time (still firing)
 * @param activeSince whether {@code start} is Prometheus's {@code activeAt}: when the rule's condition began to hold,
 *                    before the alert waited out its {@code for:} and fired
 */
public record Alert(String name, String status, Map<String, String> labels, String summary, String description,
                    Instant start, Instant end, boolean activeSince) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";
    /** How many of an alert's labels are kept: a real alert has a dozen, and the rest only weighs on the report. */
    static final int MAX_LABELS = 30;
    /** Longer than any label value or annotation a report shows; the rest is cut where it is read. */
    static final int MAX_TEXT = 2000;

    /** Whether the node reads as one alert: an object whose {@code labels} name it by {@code alertname}. */
    static boolean is(JsonNode n) {
        return n.isObject() && n.path("labels").path("alertname").isTextual();
    }

    /** The alert the node holds; the node must be one ({@link #is}). */
    static Alert from(JsonNode n) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", cut(n.get("labels").get("alertname").asText())); // kept however many labels follow
        n.get("labels").properties().stream().filter(e -> e.getValue().isValueNode()).limit(MAX_LABELS)
                .forEach(e -> labels.put(e.getKey(), cut(e.getValue().asText())));
        JsonNode notes = n.path("annotations");
        String status = text(n.get("status")).or(() -> text(n.get("state"))).orElse(FIRING);
        Optional<Instant> startsAt = time(n.get("startsAt"));
        return new Alert(labels.get("alertname"), status, Map.copyOf(labels), text(notes.get("summary")).orElse(null),
                text(notes.get("description")).orElse(null), startsAt.or(() -> time(n.get("activeAt"))).orElse(null),
                time(n.get("endsAt")).orElse(null), startsAt.isEmpty() && time(n.get("activeAt")).isPresent());
    }

    /** What happened at {@link #start}: "fired", "became pending", or "became active" for Prometheus's activeAt. */
    public String started() {
        if ("pending".equalsIgnoreCase(status)) {
            return "became pending";
        }
        return activeSince ? "became active" : "fired";
    }

    public boolean firing() {
        return FIRING.equalsIgnoreCase(status);
    }

    public boolean resolved() {
        return RESOLVED.equalsIgnoreCase(status);
    }

    /** The {@code severity} label, or null. */
    public String severity() {
        return labels.get("severity");
    }

    /** What the alert says it is about: its summary, else its description, or null. */
    public String headline() {
        return summary != null ? summary : description;
    }

    private static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(cut(n.asText().strip()))
                : Optional.empty();
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** An RFC 3339 time; Alertmanager's {@code 0001-01-01T00:00:00Z}, Go's zero time, means none. */
    private static Optional<Instant> time(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(n.asText().strip());
            return at.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
