package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.alerts.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The project's deployments before the question was asked, when the logs show no failure to line them up with (none
 * were sent, none fails, or the failing lines carry no times, as a pasted stack trace does): "why is checkout down?"
 * asked 37 minutes after checkout was deployed is answered first by that deployment, whatever the logs hold. When the
 * request carried an alert, its start stands for the problem's: "deployment X went out 7m 0s before alert
 * HighErrorRate fired" says more than how long before the question it went out.
 */
final class RecentDeployments {
    static final int MAX_QUOTED = 3;

    private RecentDeployments() {
    }

    /**
     * Newest first; only for a session with a project. list_deployments narrowed them to it when the request named a
     * repository; when it named only a service (a project's service name is its repository's name part), the other
     * services' are left out here.
     */
    static List<DeploymentSeen> of(Investigation inv) {
        Observations o = inv.obs();
        if (!inv.incident().isEmpty() && inv.incident().onset() != null || !o.hasProject || o.asked == null) {
            return List.of();
        }
        boolean names = o.request.repository() != null || o.request.service() != null;
        return o.deployments.stream().filter(d -> d.createdAt() != null && !d.createdAt().isAfter(o.asked)
                        && (!names || DeployLink.named(d, o.request)))
                .sorted(Comparator.comparing(DeploymentSeen::createdAt).reversed()).toList();
    }

    /**
     * The deployment to line the problem up with: the latest before the question, or with an alert, the latest that
     * CI recorded by the time it fired or within a rollout's length after ({@link DeployLink#ROLLOUT}). One recorded
     * later came after the problem showed, and is no suspect: rolling it back would not end what set the alert off.
     */
    static Optional<DeploymentSeen> suspect(Investigation inv) {
        List<DeploymentSeen> recent = of(inv);
        Optional<Alert> alert = alert(inv);
        if (alert.isEmpty()) {
            return recent.stream().findFirst();
        }
        Instant by = alert.get().start().plus(DeployLink.ROLLOUT);
        return recent.stream().filter(d -> !d.createdAt().isAfter(by)).findFirst();
    }

    /** The deployment the report names: the suspect, or when every one came after the alert, the first after it. */
    static Optional<DeploymentSeen> named(Investigation inv) {
        List<DeploymentSeen> recent = of(inv);
        return suspect(inv).or(() -> recent.isEmpty() ? Optional.empty() : Optional.of(recent.getLast()));
    }

    static Optional<Finding> finding(Investigation inv) {
        Optional<DeploymentSeen> named = named(inv);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        List<Quote> quotes = of(inv).stream().limit(MAX_QUOTED).map(DeploymentSeen::quote).toList();
        Optional<Alert> alert = alert(inv);
        if (suspect(inv).isEmpty()) {
            return Optional.of(new Finding("No deployment came before alert " + AlertMoments.name(alert.orElseThrow())
                    + " " + alert.orElseThrow().started(), latest(inv) + " It was recorded after the alert "
                    + alert.orElseThrow().started() + ", so it did not set it off; the "
                    + "problem began before it.", quotes));
        }
        String unlined = inv.incident().isEmpty() ? " No failing log line was there to line it up with"
                : " The failing lines carry no times, so they could not be lined up with it";
        String title = alert.map(a -> "A deployment landed " + relative(named.get(), a))
                .orElse("The latest deployment landed " + before(inv, named.get()) + " before the question was asked");
        String then = alert.isPresent() ? ", so the alert's start stands for when the problem began; whether "
                + "the deployment changed anything is not known." : ", so whether it changed anything is not known.";
        return Optional.of(new Finding(title, latest(inv) + unlined + then, quotes));
    }

    /** "deployment 0192… of acme/checkout, commit abc1234 ("…") landed 37m 3s before the question was asked." */
    static String latest(Investigation inv) {
        DeploymentSeen d = named(inv).orElseThrow();
        String alerted = alert(inv).map(a -> relative(d, a) + " (" + a.start() + ") and ").orElse("");
        return d.prose() + " landed at " + d.createdAt() + ", " + alerted + before(inv, d)
                + " before the question was asked.";
    }

    /** The first alert the request carried to fire, when it gives its start. */
    private static Optional<Alert> alert(Investigation inv) {
        return inv.obs().request.alerts().pasted().lead();
    }

    /** "7m 0s before alert HighErrorRate fired", or "2m 0s after …" for one recorded after it. */
    private static String relative(DeploymentSeen d, Alert a) {
        Duration gap = Duration.between(d.createdAt(), a.start());
        return Spans.of(gap) + (gap.isNegative() ? " after" : " before") + " alert " + AlertMoments.name(a)
                + " " + a.started();
    }

    private static String before(Investigation inv, DeploymentSeen d) {
        return Spans.of(Duration.between(d.createdAt(), inv.obs().asked));
    }
}
