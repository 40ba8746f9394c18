package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A follow-up that names a deployment ("the deploy at 18:03", "a1b2c3d4", "the checkout deploy"), answered with
 * that deployment's timing against the first bad line and where the report ranked it. A deployment is named by a
 * commit or deployment id prefix, by its time of day (UTC, as the report shows times), or by its repository beside a
 * word such as "deploy"; the deployments meeting the most of these are the ones answered about.
 */
final class DeployQuestion {
    static final int MAX_NAMED = 3;
    /** A commit prefix, or a deployment id with its dashes (ids made at the same time share their first part). */
    private static final Pattern HEX = Pattern.compile("\\b[0-9a-fA-F][0-9a-fA-F-]{4,38}[0-9a-fA-F]\\b");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?(?!\\d)");
    private static final Pattern DEPLOY_WORD = Pattern.compile(
            "(?i)\\b(deploy\\w*|releas\\w*|roll-?outs?|commits?|versions?)\\b");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("H:mm:ss").withZone(ZoneOffset.UTC);

    private DeployQuestion() {
    }

    /** The answer when the question names a listed deployment; empty when it names none. */
    static Optional<String> answer(String question, Investigation inv) {
        List<DeploymentSeen> named = named(question, inv.obs().deployments);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        List<DeploymentSeen> ranked = inv.deploys().stream().map(DeployLink::deployment).toList();
        return Optional.of(String.join("\n\n", named.stream() // the report's order: its suspects first
                .sorted(Comparator.comparingInt((DeploymentSeen d) -> ranked.contains(d) ? ranked.indexOf(d)
                        : ranked.size()).thenComparing(DeploymentSeen::createdAt,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(d -> about(d, inv)).toList()));
    }

    static List<DeploymentSeen> named(String question, List<DeploymentSeen> deployments) {
        int best = deployments.stream().mapToInt(d -> score(question, d)).max().orElse(0);
        return best == 0 ? List.of() : deployments.stream().filter(d -> score(question, d) == best)
                .limit(MAX_NAMED).toList();
    }

    /** How many ways the question names the deployment: by id or commit, by time, by repository. */
    private static int score(String question, DeploymentSeen d) {
        return (byId(question, d) ? 1 : 0) + (byTime(question, d.createdAt()) ? 1 : 0)
                + (byRepository(question, d) ? 1 : 0);
    }

    private static boolean byId(String question, DeploymentSeen d) {
        Matcher m = HEX.matcher(question);
        while (m.find()) {
            String prefix = m.group().toLowerCase(Locale.ROOT);
            if (Stream.of(d.commitSha(), d.id()).anyMatch(s -> s != null
                    && s.toLowerCase(Locale.ROOT).startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    private static boolean byTime(String question, Instant at) {
        Matcher m = TIME.matcher(question);
        while (at != null && m.find()) {
            String asked = Integer.parseInt(m.group(1)) + ":" + m.group(2) + (m.group(3) == null ? "" : ":"
                    + m.group(3));
            if (asked.equals((m.group(3) == null ? HH_MM : HH_MM_SS).format(at))) {
                return true;
            }
        }
        return false;
    }

    private static boolean byRepository(String question, DeploymentSeen d) {
        if (d.repository() == null || !DEPLOY_WORD.matcher(question).find()) {
            return false;
        }
        return Stream.of(d.repository(), d.repositoryName()).anyMatch(name -> Pattern.compile(
                "(?i)(?<![\\w/-])" + Pattern.quote(name) + "(?![\\w/-])").matcher(question).find());
    }

    private static String about(DeploymentSeen d, Investigation inv) {
        Instant onset = inv.incident().onset();
        String landed = "The " + d.prose() + " landed at " + d.createdAt();
        if (onset == null || d.createdAt() == null) {
            return landed + (inv.incident().isEmpty() ? "; the logs show no problem to tie it to."
                    : "; the problem lines carry no time, so it cannot be placed before or after the first error.");
        }
        Duration gap = Duration.between(d.createdAt(), onset);
        if (gap.isNegative() && gap.abs().compareTo(DeployLink.ROLLOUT) > 0) {
            return landed + ", " + Spans.of(gap) + " after the first error (" + onset + "), longer than a rollout "
                    + "takes, so it cannot have caused it: the problem had already begun. " + since(d, inv.incident());
        }
        if (gap.isNegative()) {
            return "The " + d.prose() + " was recorded at " + d.createdAt() + ", " + Spans.of(gap) + " after the "
                    + "first error (" + onset + "); " + DeployLink.RECORDED_AT_END + ". " + standing(d, inv);
        }
        return landed + ", " + Spans.of(gap) + " before the first error (" + onset + "). " + standing(d, inv);
    }

    /** Whether the problem went on after a deployment that came too late to cause it (a fix would end it). */
    private static String since(DeploymentSeen d, Incident incident) {
        Instant last = incident.lastBad();
        if (last == null || !last.isAfter(d.createdAt())) {
            return "No problem line came after it (the last is at " + last + ").";
        }
        return "Problem lines went on after it, until " + last + (Boolean.TRUE.equals(incident.stillHappening())
                ? ", the end of the logs." : ".");
    }

    /** Where the report ranked the deployment among the suspects, and why. */
    private static String standing(DeploymentSeen d, Investigation inv) {
        Optional<DeployLink> link = inv.deploys().stream().filter(l -> l.deployment().equals(d)).findFirst();
        if (link.isPresent() && !link.get().alternative()) {
            return "It is the report's leading deployment suspect (" + link.get().confidence().word()
                    + " confidence)." + (link.get().ranking() == null ? "" : " " + link.get().ranking());
        }
        if (link.isPresent()) {
            return link.get().ranking() + " Its confidence is " + link.get().confidence().word() + ".";
        }
        String untouched = DeployLink.untouched(d, inv.obs().request);
        if (untouched != null) {
            return "It is not counted as a suspect: " + untouched + ".";
        }
        DeployLink first = inv.deploy();
        String other = inv.otherServices().contains(d) ? "It is a deployment of " + OtherServices.label(inv.obs()
                .request) + ", so the report names it only as context. " : "";
        return other + (first == null ? "It is not counted as a suspect." : "The report's leading deployment suspect "
                + "is the " + first.deployment().prose() + ", which " + first.when() + ".");
    }
}
