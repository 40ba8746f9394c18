package dev.missioncontrol.agent.analyst;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a deployment's commit message shares with the incident's problem lines. "Lower HikariCP
 * maximumPoolSize to 5" and "HikariPool-1 - Connection is not available" share "hikari" and "pool", which ties the
 * change to the failure beyond timing; "Billing: new invoice template" shares nothing with them. Words are compared
 * whole, lowercased, with camelCase split ("maximumPoolSize" is maximum, pool, size), and short or everyday words
 * ("with", "error", "update") are left out, since every commit and every failure has them.
 */
final class ChangeWords {
    static final int MIN_LETTERS = 4;
    private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])");
    private static final Set<String> EVERYDAY = Set.of("with", "from", "into", "that", "this", "when", "then",
            "than", "have", "been", "were", "will", "after", "before", "while", "also", "only", "more", "less", "some",
            "each", "over", "under", "they", "there", "none", "error", "errors", "fail", "fails", "failed", "failure",
            "exception", "warn", "warning", "info", "debug", "update", "updated", "bump", "merge", "release",
            "version", "deploy", "main", "master", "java", "http", "https", "null", "true", "false", "line", "lines",
            "code", "test", "tests", "change", "changes", "remove", "removed", "added", "lower", "raise", "make",
            "makes", "request", "requests", "response", "value", "values", "message");

    private ChangeWords() {
    }

    /** The shared words in alphabetical order; empty when the deployment has no commit message. */
    static Set<String> shared(DeploymentSeen d, Incident incident) {
        if (d.commitMessage() == null) {
            return Set.of();
        }
        Set<String> shared = of(d.commitMessage());
        shared.retainAll(of(incidentText(incident)));
        return shared;
    }

    static Set<String> of(String text) {
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() >= MIN_LETTERS && !EVERYDAY.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The incident's lines as the report quotes them: each kind's message and its first line. */
    static String incidentText(Incident incident) {
        StringBuilder b = new StringBuilder();
        incident.involved().forEach(t -> b.append(t.label()).append('\n').append(t.sample()).append('\n'));
        return b.toString();
    }
}
