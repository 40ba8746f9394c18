package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.TemplateSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a template reads as trouble. A level the writer chose wins: ERROR and WARN are problems, INFO and DEBUG
 * are not. A line without a level ("Peer down" in a plain stream) is judged by its words.
 */
public final class ProblemSigns {
    /** Words of failure; not inside a path or key ("node.kubernetes.io/unreachable" is a taint, not an outage). */
    private static final Pattern WORDS = Pattern.compile("(?i)(?<![\\w./-])(errors?|exceptions?|fail(?:ed|ures?|ing|s)?"
            + "|fatal|panic(?:ked)?|time[d ]?out|timeout|refused|denied|unavailable|unreachable|down|crash(?:ed|ing)?"
            + "|killed|oomkilled|oom|out of memory|abort(?:ed)?|cannot|can't|unable|invalid|expired|exceeded"
            + "|rejected|lost|dead|deadlock(?:ed)?|corrupt(?:ed)?|overflow|traceback|back-?off|unhealthy|too many"
            + "|not found|no such|unauthorized|forbidden)(?![\\w/-])");
    /**
     * Failures a program names in code rather than words: a system error code ({@code connect ECONNREFUSED}) or
     * npm's {@code ERR!} marker. Whole words only, so a longer name that holds one (ETIMEDOUTS) is none.
     */
    private static final Pattern CODES = Pattern.compile("(?<![\\w./-])(E(?:CONNREFUSED|CONNRESET|CONNABORTED"
            + "|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|ACCES|PERM|NOSPC|DQUOT|PIPE|ADDRINUSE|MFILE|NFILE"
            + "|NOMEM)|ERR!)(?![\\w/-])");
    /** Words just before a failure word that deny it: "no errors", "without error". */
    private static final Pattern DENIED_BEFORE = Pattern.compile("(?i)\\b(?:no|without)\\s+$");
    /**
     * A count of none before a plural ("0 errors", "zero failures"). Only before a plural: "shard 0 failed" names
     * shard number 0, and "divide by zero exception" is one.
     */
    private static final Pattern NONE_BEFORE = Pattern.compile("(?i)(?:\\bzero|(?<![\\w.])0)\\s+$");
    private static final Pattern PLURAL = Pattern.compile("(?i)errors|exceptions|failures|timeouts|fails");
    /**
     * What just after a failure word makes it a count of none or a feature rather than an event: "errors=0",
     * "failures: 0", "errors: none", "exception support... done", "error handling enabled". Not "Error handling
     * request /api", which is a failure.
     */
    private static final Pattern DENIED_AFTER = Pattern.compile("(?i)^(?:\\s*[=:]\\s*(?:0(?:\\.0+)?(?![\\w.])"
            + "|none\\s*(?:$|[,;.)\\]}]))|\\s+(?:support|correction)\\b"
            + "|\\s+(?:handling|handlers?|reporting|checking)\\s+(?:is\\s+)?(?:enabled|disabled|on|off)\\b)");
    private static final Pattern EXCEPTION = Pattern.compile(
            "\\b((?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error))\\b");

    private ProblemSigns() {
    }

    /** Why the template is a problem ("level ERROR", "words: timeout, failed"), or null when it is not one. */
    public static String reason(TemplateSummary t) {
        if (t.errors() > 0) {
            return "level " + (t.levels().containsKey("FATAL") ? "FATAL" : "ERROR");
        }
        if (t.warnings() > 0) {
            return "level WARN";
        }
        if (t.mainLevel() != null) {
            return null;
        }
        Set<String> words = words(t.template());
        return words.isEmpty() ? null : "words: " + String.join(", ", words);
    }

    /**
     * The failure words of a line, then the codes and error class names it carries
     * ({@code MongoServerSelectionError: connect ECONNREFUSED}), which no word boundary finds inside.
     */
    public static Set<String> words(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WORDS.matcher(text);
        while (m.find() && found.size() < 4) {
            if (!denied(text, m.start(), m.end())) {
                found.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        for (Matcher named : List.of(EXCEPTION.matcher(text), CODES.matcher(text))) {
            while (named.find() && found.size() < 4) {
                found.add(named.group(1));
            }
        }
        return found;
    }

    /**
     * Whether the words around a failure word deny it. A template masks counts ("errors=<*>"), so a counter that read
     * zero on some lines and five on others stays a problem: only the lines could tell them apart.
     */
    private static boolean denied(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 12), start);
        String after = text.substring(end, Math.min(text.length(), end + 24));
        return DENIED_BEFORE.matcher(before).find() || DENIED_AFTER.matcher(after).find()
                || NONE_BEFORE.matcher(before).find() && PLURAL.matcher(text.substring(start, end)).matches();
    }

    /** The exception or error class a line names, e.g. java.net.SocketTimeoutException, or null. */
    public static String exception(String text) {
        Matcher m = EXCEPTION.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
