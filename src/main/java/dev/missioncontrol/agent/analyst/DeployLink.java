package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.monitor.DeployStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deployment that landed before the first bad line, or was recorded within a rollout's length after it, and how
 * strongly the timing ties the two: a deploy minutes before errors that did not exist before it is the first suspect.
 * Only a deployment that can have changed what the logs show counts: one that was cancelled or never left pending did
 * not roll out, and one to another environment than the request names did not touch it. When the request names a
 * service, its own deployments are the suspects and other services' are only context ({@link OtherServices}); when
 * none of its own came before, another service's deployment is a weak suspect, and {@code caveat} says why, as it does
 * for any deployment when the request names no service.
 *
 * @param ranking     why it ranks above deployments that landed later, or (for an alternative) below the first
 *                    suspect; null when no later deployment was passed over
 * @param alternative a deployment that timing alone would have put first, ranked below the first suspect
 * @param before      negative for a deployment recorded after the first bad line
 * @param started     the application's start in the logs around the time of this deployment, or null
 */
record DeployLink(DeploymentSeen deployment, Duration before, Confidence confidence, String caveat, String ranking,
                  boolean alternative, Startup started) {

    static final Duration CLOSE = Duration.ofMinutes(30);
    /**
     * How long after the first bad line a deployment may be recorded and still be its cause. CI records success when
     * the rollout ends, but the new version serves (and fails) from its first ready pod on, and a rolling update of a
     * few replicas, each waiting for its readiness probe, takes one to a few minutes. Five minutes covers that; a fix
     * or rollback shipped because of the errors takes longer to notice, build and roll out, so it stays a later change.
     */
    static final Duration ROLLOUT = Duration.ofMinutes(5);
    /** Said wherever a deployment recorded after the first bad line is still named as a possible cause. */
    static final String RECORDED_AT_END = "CI records success when the rollout ends, so the new version may already "
            + "have been serving";
    static final Duration NEAR = Duration.ofHours(2);
    static final int MAX_ALTERNATIVES = 2;

    /**
     * The first suspect, or null when no deployment landed before the onset or within {@link #ROLLOUT} after it (or
     * the onset has no time); no start of the application is known.
     */
    static DeployLink of(List<DeploymentSeen> deployments, Incident incident, Request request) {
        List<DeployLink> ranked = ranked(deployments, incident, request, null);
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /**
     * The first suspect, then the deployments that landed after it and before the onset (or within a rollout's length
     * after it), which timing alone would have preferred. The suspect is, in this order: a deployment of the service
     * or repository the request names, if any came before (others' are then left out); the one closest in time by
     * {@link #timing} (within 30 minutes, 2 hours, or longer); among those, one whose commit message shares words
     * with the problem lines ({@link ChangeWords}); the newest. A deploy a second later thus does not win over one
     * whose commit names what fails. One recorded after the onset is at most of medium confidence unless the logs
     * show the application {@code started} around its time, as its new pods would.
     */
    static List<DeployLink> ranked(List<DeploymentSeen> deployments, Incident incident, Request request,
            Startup started) {
        Instant onset = incident.onset();
        List<DeploymentSeen> candidates = candidates(deployments, onset, request);
        List<DeploymentSeen> before = candidates.stream().anyMatch(d -> named(d, request))
                ? candidates.stream().filter(d -> named(d, request) || upstream(d, incident, request)).toList()
                : candidates;
        if (before.isEmpty()) {
            return List.of();
        }
        DeploymentSeen top = before.stream().min(Comparator.comparing((DeploymentSeen d) ->
                        timing(Duration.between(d.createdAt(), onset)))
                .thenComparing(d -> !tied(d, incident, request))
                .thenComparing(d -> d.createdAt().isAfter(onset))
                .thenComparing(d -> Duration.between(d.createdAt(), onset).abs())).orElseThrow();
        // with another service's deployment first, the named service's own stay listed, tied to the lines or not
        List<DeploymentSeen> passed = before.stream().filter(d -> d.createdAt().isAfter(top.createdAt())
                        || d != top && upstream(top, incident, request))
                .sorted(Comparator.comparing(DeploymentSeen::createdAt).reversed()).limit(MAX_ALTERNATIVES).toList();
        boolean several = deployments.stream().map(DeploymentSeen::repository).distinct().count() > 1;
        Context context = new Context(incident, request, several);
        String above = String.join(" ", passed.stream().map(d -> "It ranks above the " + (d.createdAt()
                .isAfter(top.createdAt()) ? "later " : "") + d.prose() + " because " + reason(top, d, context, onset)
                + ".").toList());
        Timing timing = new Timing(onset, started);
        DeployLink first = link(top, timing, context, above.isEmpty() ? null : above);
        List<DeployLink> out = new ArrayList<>(List.of(first));
        passed.forEach(d -> out.add(alternative(link(d, timing, context, "It ranks below the " + top.prose()
                + ", which " + apart(top, d) + ", because " + reason(top, d, context, onset) + "."),
                first.confidence())));
        return List.copyOf(out);
    }

    /** "landed 2m 0s earlier", or "landed 1m 0s later" for another service's deployment the errors name. */
    private static String apart(DeploymentSeen top, DeploymentSeen d) {
        Duration gap = Duration.between(top.createdAt(), d.createdAt());
        return "landed " + Spans.of(gap.abs()) + (gap.isNegative() ? " later" : " earlier");
    }

    /**
     * Whether more than timing ties the deployment to the problem: its commit message shares words with the problem
     * lines, or it is of another service the problem lines name.
     */
    private static boolean tied(DeploymentSeen d, Incident incident, Request request) {
        return !ChangeWords.shared(d, incident).isEmpty() || upstream(d, incident, request);
    }

    /**
     * A deployment of another service than the request names, which the problem lines name as the one failing
     * ({@link UpstreamNamed}): a suspect beside the service's own deployments rather than only context.
     */
    static boolean upstream(DeploymentSeen d, Incident incident, Request request) {
        return (request.repository() != null || request.service() != null) && !named(d, request)
                && UpstreamNamed.in(d, incident).isPresent();
    }

    /** What a link's caveat is weighed against: the problem's lines, the request, and whether several projects deploy. */
    private record Context(Incident incident, Request request, boolean severalProjects) {
    }

    /**
     * The deployments that landed before the onset or within a rollout's length after it and rolled out where the
     * problem is; none when the onset has no time.
     */
    static List<DeploymentSeen> candidates(List<DeploymentSeen> deployments, Instant onset, Request request) {
        return onset == null ? List.of() : deployments.stream().filter(d -> d.createdAt() != null
                && !d.createdAt().isAfter(onset.plus(ROLLOUT)) && touched(d, request)).toList();
    }

    /** The first bad line's time, and the application's start just before it, if the logs show one. */
    private record Timing(Instant onset, Startup started) {
        /** The start, when it came within a rollout's length of the deployment's record, before or after. */
        Startup startedBy(DeploymentSeen d) {
            return started == null || Duration.between(started.at(), d.createdAt()).abs().compareTo(ROLLOUT) > 0
                    ? null : started;
        }
    }

    private static DeployLink link(DeploymentSeen d, Timing t, Context context, String ranking) {
        Duration gap = Duration.between(d.createdAt(), t.onset());
        Startup started = t.startedBy(d);
        Confidence timing = gap.isNegative() && started == null ? Confidence.MEDIUM : timing(gap);
        Caveat caveat = caveat(d, context);
        Confidence c = caveat == null || timing.compareTo(caveat.cap()) >= 0 ? timing : caveat.cap();
        return new DeployLink(d, gap, c, caveat == null ? null : caveat.text(), ranking, false, started);
    }

    /** Recorded after the first bad line, within {@link #ROLLOUT} of it. */
    boolean recordedAfter() {
        return before.isNegative();
    }

    /** "landed 3m 0s before the first error", or "was recorded 1m 0s after the first error". */
    String when() {
        return when(before);
    }

    /** {@link #when()} for a deployment {@code before} the first error (negative: recorded after it). */
    static String when(Duration before) {
        return (before.isNegative() ? "was recorded " : "landed ") + Spans.of(before) + (before.isNegative()
                ? " after" : " before") + " the first error";
    }

    /** An alternative is always less likely than the first suspect, whatever its own timing says. */
    private static DeployLink alternative(DeployLink l, Confidence first) {
        Confidence below = Confidence.values()[Math.min(first.ordinal() + 1, Confidence.LOW.ordinal())];
        Confidence c = l.confidence().compareTo(below) >= 0 ? l.confidence() : below;
        return new DeployLink(l.deployment(), l.before(), c, l.caveat(), l.ranking(), true, l.started());
    }

    private static Confidence timing(Duration gap) {
        return gap.compareTo(CLOSE) <= 0 ? Confidence.HIGH : gap.compareTo(NEAR) <= 0 ? Confidence.MEDIUM
                : Confidence.LOW;
    }

    /**
     * Why {@code top} ranks above a later deployment in the same timing band: top's commit message shares words with
     * the problem lines and the later one's does not; or else top landed before the first bad line and the later one
     * was only recorded after it, which a rollout explains but landing before the errors shows. With another service's
     * deployment first, {@code later} may be the named service's own, listed below it whatever its time.
     */
    private static String reason(DeploymentSeen top, DeploymentSeen later, Context context, Instant onset) {
        Incident incident = context.incident();
        if (upstream(top, incident, context.request()) && !tied(later, incident, context.request())) {
            return "the problem lines name " + Markdown.plain(UpstreamNamed.in(top, incident).orElseThrow(),
                    Markdown.INLINE_CHARS) + ", and the commit message of the other shares no words with them";
        }
        Set<String> words = ChangeWords.shared(top, incident);
        Set<String> theirs = ChangeWords.shared(later, incident);
        if (upstream(top, incident, context.request())) {
            boolean closer = Duration.between(top.createdAt(), onset).abs()
                    .compareTo(Duration.between(later.createdAt(), onset).abs()) <= 0;
            return "the problem lines name " + Markdown.plain(UpstreamNamed.in(top, incident).orElseThrow(),
                    Markdown.INLINE_CHARS) + " and it landed " + (closer ? "closer to" : "before") + " the first "
                    + "error, though the other is tied to them too" + (theirs.isEmpty() ? ""
                    : " (its commit message shares " + String.join(", ", theirs) + ")");
        }
        if (!words.isEmpty() && theirs.isEmpty()) {
            return "the commit message of the earlier one shares words with the problem lines (" + String.join(", ",
                    words) + ") and that of the later one shares none";
        }
        return "the earlier one landed before the first error, while the later one was recorded " + Spans.of(
                Duration.between(onset, later.createdAt())) + " after it";
    }

    /** Whether the deployment is of the service or repository the request names; false when it names none. */
    static boolean named(DeploymentSeen d, Request request) {
        return request.repository() != null && request.repository().equalsIgnoreCase(d.repository())
                || request.service() != null && request.service().equalsIgnoreCase(d.repositoryName());
    }

    /** Why a deployment is a weaker suspect than its timing says, and the most the report may then claim. */
    private record Caveat(String text, Confidence cap) {
    }

    /** Whether the deployment rolled out (at least in part) to the environment the request names, if it names one. */
    private static boolean touched(DeploymentSeen d, Request request) {
        return untouched(d, request) == null;
    }

    /** Why the deployment cannot have changed what the logs show, or null when it can. */
    static String untouched(DeploymentSeen d, Request request) {
        if (d.status() != null && !DeployStatus.rolledOut(d.status().toLowerCase(Locale.ROOT))) {
            return "it is recorded as " + d.status() + ", so it did not roll out";
        }
        if (d.environment() != null && request.environment() != null
                && !d.environment().equalsIgnoreCase(request.environment())) {
            return "it went to " + Markdown.plain(d.environment(), Markdown.INLINE_CHARS) + ", and the problem is in "
                    + Markdown.plain(request.environment(), Markdown.INLINE_CHARS);
        }
        return null;
    }

    private static Caveat caveat(DeploymentSeen d, Context context) {
        Request request = context.request();
        if (upstream(d, context.incident(), request)) {
            String service = Markdown.plain(request.service() != null ? request.service() : request.repository(),
                    Markdown.INLINE_CHARS);
            return new Caveat("It is a deployment of " + d.repository() + ", not of " + service + ", but the problem "
                    + "lines name " + Markdown.plain(UpstreamNamed.in(d, context.incident()).orElseThrow(),
                    Markdown.INLINE_CHARS) + ": " + service + "'s errors may follow from it.", Confidence.MEDIUM);
        }
        if ((request.service() != null || request.repository() != null) && !named(d, request)) {
            return new Caveat("It is a deployment of " + d.repository() + ", and the problem is with "
                    + Markdown.plain(request.service() != null ? request.service() : request.repository(),
                    Markdown.INLINE_CHARS) + ".", Confidence.LOW);
        }
        if ("failure".equalsIgnoreCase(d.status())) {
            return new Caveat("It is recorded as failed, so it may not have rolled out.", Confidence.MEDIUM);
        }
        if (request.repository() == null && request.service() == null && context.severalProjects()) {
            return new Caveat("The request names no service or repository, so this may be another project's "
                    + "deployment.", Confidence.MEDIUM);
        }
        return null;
    }

    /**
     * Deployments recorded more than a rollout's length after the problem began and while the logs still ran: they
     * cannot have caused it, but they may have changed it (a fix, a rollback). Those after the logs end say nothing
     * about what the logs show.
     */
    static List<DeploymentSeen> after(List<DeploymentSeen> deployments, Incident incident, Request request) {
        Instant onset = incident.onset();
        Instant end = incident.logsEnd();
        return onset == null ? List.of() : deployments.stream()
                .filter(d -> d.createdAt() != null && d.createdAt().isAfter(onset.plus(ROLLOUT))
                        && (end == null || !d.createdAt().isAfter(end)) && touched(d, request)).toList();
    }

    Quote quote() {
        return deployment.quote();
    }
}
