package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What search_logs was asked: a term or a regex, how many lines around each hit, how many hits, which end. */
record SearchQuery(String text, Pattern pattern, int contextLines, int maxMatches, boolean newest, String source) {
    static final int MAX_QUERY_CHARS = 1000;
    static final int MAX_CONTEXT = 10;
    static final int MAX_MATCHES = 200;
    /** A phrase quoted word by word and tolerant of spacing, as the analyst builds its searches from templates. */
    private static final Pattern QUOTED_PHRASE =
            Pattern.compile("\\\\Q(?:(?!\\\\E).)*+\\\\E(?:\\\\s\\+\\\\Q(?:(?!\\\\E).)*+\\\\E)*+");

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
        Pattern pattern;
        try {
            pattern = Pattern.compile(args.path("regex").asBoolean(false) ? text : Pattern.quote(text), flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regex: " + e.getDescription());
        }
        int context = clamp(args.path("context_lines").asInt(2), 0, MAX_CONTEXT);
        int max = clamp(args.path("max_matches").asInt(20), 1, MAX_MATCHES);
        String source = args.path("source").asText(null);
        return new SearchQuery(text, pattern, context, max, args.path("last").asBoolean(false), source);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
