package dev.missioncontrol.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics a source could not give, and why, in one line however many metrics one cause kept out: a Prometheus that
 * is down fails every query alike, and the report says so once.
 *
 * @param metrics the metrics' names, in the order they were asked for
 * @param reason  one short line, such as "Prometheus http://prometheus:9090 answered 502"
 * @param passing whether asking again a little later may read them: the source failed for now (timed out, refused,
 *                answered 5xx), not for good (a refused query, a metric that cannot be judged)
 */
public record Unread(List<String> metrics, String reason, boolean passing) {

    public Unread {
        metrics = List.copyOf(metrics);
    }

    /** Metrics that asking again will not read. */
    public Unread(List<String> metrics, String reason) {
        this(metrics, reason, false);
    }

    /** "error_rate, requests_per_second not checked: Prometheus http://prometheus:9090 answered 502". */
    public String line() {
        return line("not checked");
    }

    /** The metrics, what their being unread cost, and why: "error_rate history not read: …". */
    public String line(String consequence) {
        return String.join(", ", metrics) + " " + consequence + ": " + reason;
    }

    /** One entry per reason, each naming every metric it kept out for good. */
    static List<Unread> grouped(Map<String, String> reasonByMetric) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        reasonByMetric.forEach((metric, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(metric));
        return byReason.entrySet().stream().map(e -> new Unread(e.getValue(), e.getKey())).toList();
    }

    /** One entry per failure's line, each naming every metric it kept out, passing when the failure is. */
    static List<Unread> failed(Map<String, QueryFailure> failureByMetric) {
        Map<String, String> reasons = new LinkedHashMap<>();
        failureByMetric.forEach((metric, failure) -> reasons.put(metric, failure.getMessage()));
        return grouped(reasons).stream().map(u -> new Unread(u.metrics(), u.reason(),
                failureByMetric.get(u.metrics().getFirst()).passing())).toList();
    }
}
