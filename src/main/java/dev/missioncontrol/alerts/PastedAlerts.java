package dev.missioncontrol.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The alerts a session's context holds, wherever a person pasted them: Alertmanager's webhook body, its
 * {@code alerts} array alone, one alert, Prometheus's {@code /api/v1/alerts} answer, or any of these as a JSON string
 * ({@link AlertSearch}). An SRE asking "why is this alert firing?" pastes the alert that paged them; its labels name
 * the service, and its start is when the problem showed. Not the environment: an {@code env="prod"} label beside
 * deployments recorded to "production" would narrow the deployments and pushed metrics compared to none, so only what
 * the request itself names narrows them.
 *
 * @param alerts at most {@link AlertSearch#MAX_READ}, each once, in the order found
 * @param total  how many alerts the context holds, counting those past {@link AlertSearch#MAX_READ}
 * @param places where they were found, such as {@code context.alert.alerts}
 */
public record PastedAlerts(List<Alert> alerts, int total, List<String> places) {
    public static final PastedAlerts NONE = new PastedAlerts(List.of(), 0, List.of());
    /**
     * The labels that name an alert's service, most telling first: Prometheus's relabelling turns Kubernetes'
     * {@code app.kubernetes.io/name} into {@code app_kubernetes_io_name}; {@code job} is a scrape job's name, often
     * the service's, and comes last.
     */
    static final List<String> SERVICE_LABELS = List.of("service", "service_name", "app", "app_kubernetes_io_name",
            "container", "deployment", "job");

    /** The alerts in the context; none when it holds nothing that reads as one. */
    public static PastedAlerts in(JsonNode context) {
        return AlertSearch.in(context);
    }

    public boolean isEmpty() {
        return alerts.isEmpty();
    }

    /** Alerts found but not read, beyond {@link AlertSearch#MAX_READ}. */
    public int leftOut() {
        return total - alerts.size();
    }

    /** The service the alerts' labels agree on ({@link AlertLabel#agreed}). */
    public Optional<AlertLabel> service() {
        return AlertLabel.agreed(alerts, SERVICE_LABELS);
    }

    /**
     * The alert the problem is lined up with: of those still firing, the first to start; only when none fires, the
     * first of any. A warning that resolved before the page, or a rule still pending, says less of when the problem
     * began than the alert that paged.
     */
    public Optional<Alert> lead() {
        Comparator<Alert> byStart = Comparator.comparing(Alert::start);
        List<Alert> timed = alerts.stream().filter(a -> a.start() != null).toList();
        return timed.stream().filter(Alert::firing).min(byStart).or(() -> timed.stream().min(byStart));
    }

    /** When the lead alert started ({@link #lead}), or null. */
    public Instant start() {
        return lead().map(Alert::start).orElse(null);
    }
}
