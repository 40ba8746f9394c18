package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.sessions.SessionKind;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values read on a page: times in UTC, short commit ids, numbers with sensible precision, JSON indented. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Enough for any two figures a ratio tells apart to read apart; more break a table's columns. */
    private static final int SIGNIFICANT = 4;
    /** Tool results can be large; a page shows this much and says the rest was cut. */
    private static final int MAX_JSON = 20_000;
    /** Past a cut, how much more of its line the masking sees: far more than any token is long. */
    private static final int MASK_MARGIN = 4_096;
    private static final int TITLE = 80;

    private Format() {
    }

    /**
     * A page's title as a browser tab and its history show it: the first line, cut at {@link #TITLE} characters. A
     * deployment is titled by its request, which may run to 2,000 characters over several lines.
     */
    public static String title(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() <= TITLE ? line : line.substring(0, TITLE).stripTrailing() + "…";
    }

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** A time as stored verdicts carry it (RFC 3339), shown as {@link #time(Instant)} shows times; as is if odd. */
    public static String time(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "—";
        }
        return WireTime.parse(wire).map(Format::time).orElse(wire);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    public static String sha(String sha) {
        return sha == null ? "" : sha.length() > 10 ? sha.substring(0, 10) : sha;
    }

    /**
     * Four significant digits, as the report and the CLI write a verdict's figures, and every digit before the point
     * of a larger one: fixed decimals wrote an error rate of 0.00998 and one of 0.0103 both as 0.01 beside a ratio of
     * 1.032, and 99.768 beside 100.2.
     */
    public static String number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "—";
        }
        if (!n.isNumber()) {
            return n.asText();
        }
        double v = n.asDouble();
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return "—";
        }
        BigDecimal exact = BigDecimal.valueOf(v);
        int digits = Math.max(SIGNIFICANT, exact.precision() - exact.scale());
        // 0.400 reads as more precise than the figure is; 0.4 says the same
        return exact.round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * A copy of no more than the page shows, {@value #MAX_JSON} characters or so of text and values: a text is cut
     * at the last line end within what is left, so that masking a whole line still sees the whole line, and an
     * array or object stops where the room ends, saying how much more there is. Masking and indenting all of a
     * pasted log of 200,000 lines to show its first page took a quarter of a minute of CPU per view, and two views
     * at once held up every other request, the health checks too.
     */
    static JsonNode cutTexts(JsonNode n) {
        return n == null ? null : cut(n, new int[] {MAX_JSON});
    }

    /** "3 more items (cut; the API has all of them)", "1 more field (cut; the API has it)". */
    private static String more(int count, String what) {
        return count + " more " + what + (count == 1 ? " (cut; the API has it)" : "s (cut; the API has all of them)");
    }

    private static JsonNode cut(JsonNode n, int[] room) {
        if (n.isObject()) {
            ObjectNode copy = Json.object();
            int i = 0;
            for (var e : n.properties()) {
                if (room[0] <= 0) {
                    copy.put("…", more(n.size() - i, "field"));
                    break;
                }
                room[0] -= e.getKey().length();
                copy.set(e.getKey(), cut(e.getValue(), room));
                i++;
            }
            return copy;
        }
        if (n.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            for (int i = 0; i < n.size(); i++) {
                if (room[0] <= 0) {
                    copy.add("… " + more(n.size() - i, "item"));
                    break;
                }
                copy.add(cut(n.get(i), room));
            }
            return copy;
        }
        String text = n.asText();
        if (n.isTextual() && text.length() > Math.max(room[0], 0)) {
            int limit = Math.max(room[0], 0);
            room[0] = 0;
            return TextNode.valueOf(maskedHead(text, limit) + "\n… (cut; the API has all of it)");
        }
        room[0] -= text.length();
        return n;
    }

    /**
     * About the first {@code limit} characters of a text, masked before they are cut, and cut at the last line end
     * within the limit where there is one: a token cut short is too short for the masking to know it, and its first
     * part would show. The masking sees the whole line the cut falls in, up to a margin past the limit.
     */
    static String maskedHead(String text, int limit) {
        int lineEnd = text.indexOf('\n', limit);
        int headEnd = Math.min(lineEnd < 0 ? text.length() : lineEnd, limit + MASK_MARGIN);
        String masked = Redactor.redact(text.substring(0, headEnd));
        int end = masked.lastIndexOf('\n', limit);
        return masked.substring(0, end > 0 ? end : Math.min(limit, masked.length()));
    }

    public static String json(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty())) {
            return "";
        }
        try {
            String text = Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n);
            return text.length() <= MAX_JSON ? text : text.substring(0, MAX_JSON) + "\n… (cut; the API has all of it)";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return n.toString();
        }
    }

    /**
     * A session's status as lists show it. An active deploy monitor spends its bake asleep between checks, so a
     * dashboard of "active" monitors read as a busy system; it is shown as watching.
     */
    public static String sessionStatus(AgentSession s) {
        return s.kind() == SessionKind.DEPLOY_MONITOR && s.status() == SessionStatus.ACTIVE ? "watching"
                : s.status().wire();
    }

    /** The CSS class of a status or verdict word; unknown words get a neutral badge rather than arbitrary classes. */
    public static String badge(String word) {
        return switch (word == null ? "" : word) {
            case "healthy", "completed", "success", "ok", "pass" -> "badge good";
            case "marginal", "pending", "running", "active", "watching", "low", "nodata", "no_data" -> "badge warn";
            case "degraded", "failed", "failure", "error", "high", "critical" -> "badge bad";
            case "cancelled", "inconclusive" -> "badge muted";
            default -> "badge";
        };
    }
}
