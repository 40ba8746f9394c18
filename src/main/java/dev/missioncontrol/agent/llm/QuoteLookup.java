package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks a quoted line up in the session's logs through {@code search_logs}, the tool the model read them with, and
 * then in the request as the model was shown it, which a report may quote as well. A quote
 * is found when it stands in one line, allowing for other spacing, the redactor's masks, a cut ("…"), a mined
 * template's {@code <*>}, and a timestamp written with T or a space, with or without its fraction and zone.
 */
final class QuoteLookup {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteLookup.class);
    /** search_logs refuses longer queries; a quote's head is enough to find its line. */
    static final int MAX_PATTERN_CHARS = 1000;
    private static final String GAP = ".*?";
    private static final Pattern PIECES = Pattern.compile("(?<mask>\\[REDACTED]|<\\*>|…|\\.{3})|(?<space>\\s+)"
            + "|(?<time>(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)");
    private static final String ANY_FRACTION_AND_ZONE = "(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?";

    /** IN_REQUEST: not in the logs but in what the request itself told the model (its question, a pod's state). */
    enum Verdict { FOUND, NOT_FOUND, UNCHECKED, IN_REQUEST }

    /** What the lookup found; {@code hit} is search_logs' first match (source, line, timestamp, redacted text). */
    record Result(Verdict verdict, JsonNode hit) {
    }

    private final Tool search;

    QuoteLookup(Tool search) {
        this.search = search;
    }

    Result find(String quote, SessionFacts session) {
        return find(quote, session, Instructions.request(session));
    }

    /** {@code shown} is the request as the model was shown it ({@link Instructions#request}), rendered once a check. */
    Result find(String quote, SessionFacts session, String shown) {
        String pattern = pattern(quote);
        if (search == null || pattern == null) {
            return new Result(Verdict.UNCHECKED, null);
        }
        ToolResult r;
        try {
            r = search.run(Json.object().put("query", pattern).put("regex", true).put("context_lines", 0)
                    .put("max_matches", 1), session);
        } catch (RuntimeException e) {
            LOG.warn("a quote of session {} could not be looked up; it is left unmarked", session.sessionId(), e);
            return new Result(Verdict.UNCHECKED, null);
        }
        JsonNode data = r.data() == null ? Json.MAPPER.nullNode() : r.data();
        if (r.status() == ToolResult.Status.OK && data.path("matches").size() > 0) {
            return new Result(Verdict.FOUND, data.path("matches").get(0));
        }
        if (Pattern.compile(pattern).matcher(shown).find()) {
            return new Result(Verdict.IN_REQUEST, null);
        }
        boolean searched = r.status() == ToolResult.Status.NO_DATA && !data.path("out_of_time").asBoolean();
        return new Result(searched ? Verdict.NOT_FOUND : Verdict.UNCHECKED, null);
    }

    /**
     * The regex search_logs is asked: the quote's words, any spacing between them, anything where the quote has a
     * mask or a cut. Null when it holds too little text to tell one line from another.
     */
    static String pattern(String quote) {
        String q = quote.strip().replaceFirst("(…|\\.{3})$", "").strip();
        List<String> parts = new ArrayList<>();
        int literal = 0;
        Matcher m = PIECES.matcher(q);
        int at = 0;
        while (m.find()) {
            literal += quoted(parts, q.substring(at, m.start()));
            if (m.group("mask") != null) {
                parts.add(GAP);
            } else if (m.group("space") != null) {
                parts.add("\\s+");
            } else {
                parts.add(Pattern.quote(m.group(4)) + "[T ]" + Pattern.quote(m.group(5)) + ANY_FRACTION_AND_ZONE);
                literal += m.group(4).length() + m.group(5).length();
            }
            at = m.end();
        }
        literal += quoted(parts, q.substring(at));
        return literal < 8 ? null : joined(parts);
    }

    private static int quoted(List<String> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(Pattern.quote(text));
        }
        return text.length();
    }

    /** The parts in order, as many as the query may hold; a quote's head is a quote of its line too. */
    private static String joined(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (b.length() + p.length() > MAX_PATTERN_CHARS) {
                break;
            }
            b.append(p);
        }
        return b.toString();
    }
}
