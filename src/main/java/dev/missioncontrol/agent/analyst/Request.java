package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.alerts.PastedAlerts;
import dev.missioncontrol.monitor.EnvironmentName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the person asked, read from the prompt and context: the service, the terms to look for (quoted phrases,
 * error codes, failure words, identifiers), and whether they want the newest N lines.
 *
 * @param service     the context's {@code service}, else the one the alerts' labels agree on ({@link RequestAlerts}),
 *                    else the one the prompt names, or null
 * @param environment the context's {@code environment}, or null
 * @param newest      how many of the newest matching lines were asked for ("last 10 logs that contain …"), or 0
 */
record Request(String prompt, String service, String repository, String environment, List<String> terms,
               int newest, RequestAlerts alerts) {

    static final int MAX_TERMS = 4;
    private static final Pattern QUOTED = Pattern.compile(
            "(?<!\\w)[\"'“‘`]([^\"'“”‘’`]{2,120})[\"'”’`](?!\\w)");
    private static final Pattern CODES = Pattern.compile(
            "\\b(?:[45]\\d\\d|E[A-Z]{4,}|[A-Z][A-Za-z]+(?:Exception|Error)|OOMKilled|CrashLoopBackOff|[A-Z]{2,5}-\\d{3,})\\b");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)\\b(time[d ]?out|timeouts?|refused|oom|"
            + "out of memory|crash(?:ed|es|ing)?|deadlock|rate limit(?:ed)?|throttl\\w*|certificate|dns|disk full|"
            + "latency|slow|killed|evicted|lag)\\b");
    private static final Pattern IDENTIFIERS = Pattern.compile(
            "\\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]+[-_][a-z0-9]*\\d{3,}[a-z0-9]*)\\b");
    private static final Pattern NEWEST = Pattern.compile("(?i)\\b(?:last|latest|newest|recent) (\\d{1,3})\\b");
    private static final Pattern SERVICE = Pattern.compile(
            "(?i)(?:\\bfrom|\\bof|\\bfor|\\bin)\\s+(?:the\\s+)?([a-z][\\w.-]*[a-z0-9])(?:\\s+(?:pod|service|app|deployment))"
                    + "|\\b([a-z][\\w.-]*[a-z0-9])\\s+(?:pod|service)\\b"
                    + "|(?:\\bfrom|\\bof)\\s+(?:the\\s+)?([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\\b");

    /** A request that carried no alerts. */
    Request(String prompt, String service, String repository, String environment, List<String> terms, int newest) {
        this(prompt, service, repository, environment, terms, newest, RequestAlerts.NONE);
    }

    static Request of(SessionFacts facts) {
        String prompt = facts.prompt() == null ? "" : facts.prompt();
        JsonNode ctx = facts.context();
        // the server finds the session's project in this order too (SessionService), so metrics, deployments and the
        // report are all of one service; an alert's label is data, a service read from the prompt a guess
        RequestAlerts alerts = RequestAlerts.of(PastedAlerts.in(ctx), text(ctx, "service"));
        String service = alerts.service(text(ctx, "service"));
        Matcher n = NEWEST.matcher(prompt);
        return new Request(prompt, service != null ? service : service(prompt), text(ctx, "repository_full_name"),
                EnvironmentName.in(ctx), terms(prompt), n.find() ? Integer.parseInt(n.group(1)) : 0,
                alerts);
    }

    private static String text(JsonNode ctx, String field) {
        return ctx != null && ctx.path(field).isTextual() && !ctx.get(field).asText().isBlank()
                ? ctx.get(field).asText().strip() : null;
    }

    /**
     * The terms worth a search, most specific first: quoted phrases, codes, identifiers, failure words. A term that
     * reads as a secret is left out: search_logs never matches inside a masked secret, so its search would report
     * "no lines found" of a line that is there, and the report and timeline would repeat the secret in the clear.
     */
    static List<String> terms(String prompt) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String t : candidates(prompt)) {
            if (!secret(t) && seen.add(t.toLowerCase(Locale.ROOT)) && out.size() < MAX_TERMS) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the question asks about a term that reads as a secret, which was therefore not searched. */
    boolean namesSecret() {
        return candidates(prompt).stream().anyMatch(Request::secret);
    }

    private static Set<String> candidates(String prompt) {
        Set<String> terms = new LinkedHashSet<>();
        addAll(terms, QUOTED.matcher(prompt), 1);
        addAll(terms, CODES.matcher(prompt), 0);
        addAll(terms, IDENTIFIERS.matcher(prompt), 0);
        addAll(terms, FAILURE_WORDS.matcher(prompt), 1);
        return terms;
    }

    /** Whether the term reads as a secret, which the logs are never searched for. */
    static boolean secret(String term) {
        return !Redactor.redact(term).equals(term);
    }

    /**
     * Whether the term is only a word the question describes the problem with ("slow", "crashes"), not one it
     * quoted, a code or an identifier: logs rarely use such words, so their absence says little.
     */
    boolean describes(String term) {
        return FAILURE_WORDS.matcher(term).matches() && !prompt.matches("(?s).*[\"'“‘`]" + Pattern.quote(term)
                + "[\"'”’`].*");
    }

    boolean isTerm(String query) {
        return terms.stream().anyMatch(t -> t.equalsIgnoreCase(query));
    }

    private static void addAll(Set<String> into, Matcher m, int group) {
        while (m.find()) {
            into.add(m.group(group).strip());
        }
    }

    private static String service(String prompt) {
        Matcher m = SERVICE.matcher(prompt);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
