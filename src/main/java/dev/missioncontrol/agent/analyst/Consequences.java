package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.logs.Ipv4;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Joins a failure to the one that commonly brings it about, when both are in the incident and the cause came first:
 * a traffic spike, then 429s from the rate limiter, is one problem and its consequence, not two problems at once.
 * Which issue causes which is the catalogue's knowledge ({@code caused_by}); the order is the logs'. An address both
 * name (the client behind the spike and behind the rejected requests) is said, since it ties them beyond timing.
 */
final class Consequences {
    private static final Comparator<Instant> EARLIEST = Comparator.nullsLast(Comparator.naturalOrder());

    /** A hypothesis with the signature it came from. */
    record Matched(KnownIssueMatch match, Hypothesis hypothesis) {
    }

    private Consequences() {
    }

    /** The hypotheses, each consequence folded into its cause; the order of the rest is kept. */
    static List<Hypothesis> fold(List<Matched> found) {
        List<Matched> kept = new ArrayList<>(found);
        Map<String, Matched> byId = new HashMap<>();
        found.forEach(m -> byId.putIfAbsent(m.match().id(), m));
        List<Matched> inOrder = found.stream().sorted(Comparator.comparing(m -> m.hypothesis().since(), EARLIEST))
                .toList();
        for (Matched effect : inOrder) {
            Optional<Matched> cause = causeOf(effect, byId, kept);
            if (cause.isEmpty()) {
                continue;
            }
            Matched joined = new Matched(cause.get().match(), joined(cause.get().hypothesis(), effect.hypothesis()));
            kept.set(kept.indexOf(cause.get()), joined);
            kept.remove(effect);
            byId.replaceAll((id, m) -> m == cause.get() || m == effect ? joined : m);
        }
        return kept.stream().map(Matched::hypothesis).toList();
    }

    private static Optional<Matched> causeOf(Matched effect, Map<String, Matched> byId, List<Matched> kept) {
        return effect.match().causedBy().stream().map(byId::get)
                .filter(c -> c != null && c != effect && kept.contains(c) && kept.contains(effect))
                .filter(c -> cameFirst(c.hypothesis(), effect.hypothesis()))
                .min(Comparator.comparing(c -> c.hypothesis().since(), EARLIEST));
    }

    /**
     * By the time of each one's first line; without timestamps, by line within the same source. An effect stamped to
     * the whole second (an access log's {@code [30/Nov/2026:21:04:59 +0100]}) happened somewhere in that second, so a
     * cause logged at .392 of it by a logger that writes milliseconds may have come first.
     */
    private static boolean cameFirst(Hypothesis cause, Hypothesis effect) {
        if (cause.since() != null && effect.since() != null) {
            Instant latest = effect.since().getNano() == 0 ? effect.since().plusSeconds(1).minusNanos(1)
                    : effect.since();
            return !cause.since().isAfter(latest);
        }
        Quote c = cause.evidence().isEmpty() ? null : cause.evidence().get(0);
        Quote e = effect.evidence().isEmpty() ? null : effect.evidence().get(0);
        return c != null && e != null && c.source().equals(e.source()) && c.line() <= e.line();
    }

    private static Hypothesis joined(Hypothesis cause, Hypothesis effect) {
        Confidence stronger = cause.confidence().compareTo(effect.confidence()) <= 0 ? cause.confidence()
                : effect.confidence();
        String supports = cause.supports() + " Then " + effect.title() + ": " + effect.supports()
                + shared(cause, effect);
        List<Quote> evidence = Stream.concat(cause.evidence().stream().limit(2), effect.evidence().stream().limit(1))
                .distinct().toList();
        return new Hypothesis(cause.kind(), cause.title() + ", which led to " + effect.title(), stronger, supports,
                cause.weakens(), cause.action() + " " + effect.action(), evidence, cause.since());
    }

    /** " Both name 10.0.50.123." when the lines quoted for each hold the same address; empty otherwise. */
    private static String shared(Hypothesis cause, Hypothesis effect) {
        Set<String> theirs = addresses(effect);
        return addresses(cause).stream().filter(theirs::contains).findFirst()
                .map(a -> " Both name " + a + ".").orElse("");
    }

    private static Set<String> addresses(Hypothesis h) {
        Set<String> out = new LinkedHashSet<>();
        h.evidence().forEach(q -> Ipv4.forEach(q.text(), out::add));
        return out;
    }
}
