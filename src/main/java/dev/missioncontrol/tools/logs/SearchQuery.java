package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What search_logs was asked: a term or a regex, how many lines around each hit, how many hits, which end. */
record SearchQuery(String text, Pattern pattern, Matching matching, int contextLines, int maxMatches, boolean newest,
                   String source) {
    static final int MAX_QUERY_CHARS = 1000;
    static final int MAX_CONTEXT = 10;
    static final int MAX_MATCHES = 200;
    /** A phrase quoted word by word and tolerant of spacing, as the analyst builds its searches from templates. */
    private static final Pattern QUOTED_PHRASE =
            Pattern.compile("\\\\Q(?:(?!\\\\E).)*+\\\\E(?:\\\\s\\+\\\\Q(?:(?!\\\\E).)*+\\\\E)*+");

    /**
     * How the text is matched. A query of digits alone is a number, and matches only where the line holds that whole
     * number: "502" asked about a status is not in the byte count 5021 nor in the milliseconds of 18:04:15.502.
     */
    enum Matching {
        TEXT, WHOLE_NUMBER, REGEX
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The query as people read it: {@code \Qconnection\E\s+\Qrefused\E} shows as "connection refused". */
    String shown() {
        return QUOTED_PHRASE.matcher(text).matches()
                ? text.replace("\\E\\s+\\Q", " ").replace("\\Q", "").replace("\\E", "") : text;
    }

    /** Parses the arguments; an unusable query is an {@link IllegalArgumentException} with a reason for people. */
    static SearchQuery from(JsonNode args) {
        String text = args.path("query").asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("query is longer than " + MAX_QUERY_CHARS + " characters");
        }
        int flags = args.path("case_sensitive").asBoolean(false) ? 0 : Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE;
        Matching matching = args.path("regex").asBoolean(false) ? Matching.REGEX
                : DIGITS.matcher(text).matches() ? Matching.WHOLE_NUMBER : Matching.TEXT;
        Pattern pattern = compile(text, matching, flags);
        int context = clamp(args.path("context_lines").asInt(2), 0, MAX_CONTEXT);
        int max = clamp(args.path("max_matches").asInt(20), 1, MAX_MATCHES);
        String source = args.path("source").asText(null);
        return new SearchQuery(text, pattern, matching, context, max, args.path("last").asBoolean(false), source);
    }

    private static Pattern compile(String text, Matching matching, int flags) {
        try {
            return Pattern.compile(switch (matching) {
                case REGEX -> text;
                // neither inside a longer number nor one side of a decimal point
                case WHOLE_NUMBER -> "(?<!\\d)(?<!\\d\\.)" + text + "(?!\\d)(?!\\.\\d)";
                case TEXT -> Pattern.quote(text);
            }, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regex: " + e.getDescription());
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
