package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.missioncontrol.logs.TerminalCodesReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One place in a session's context that holds log text: {@code logs} (a string, or an array of strings or of JSON
 * records, or an object of file names to either, each file a source of its own), each entry of
 * {@code tool_outputs}, and {@code error}/{@code errors}. It is read straight from the
 * context already in memory, never copied, so a 50 MB paste costs its own size once.
 */
public record LogSource(String name, JsonNode node) {

    private static final List<String> TOP_LEVEL = List.of("logs", "error", "errors");
    /** A log's end as far as a zone survey reads: its last lines, within a bound for lines of any length. */
    private static final int TAIL_LINES = 200;
    private static final int TAIL_CHARS = 64 * 1024;

    /** The sources in a context, logs first. */
    public static List<LogSource> in(JsonNode context) {
        List<LogSource> sources = new ArrayList<>();
        if (context == null || !context.isObject()) {
            return sources;
        }
        for (String key : TOP_LEVEL) {
            JsonNode value = context.get(key);
            if (key.equals("logs") && value != null && value.isObject()) {
                // several files: line numbers and first lines belong to each file, not to their concatenation
                value.properties().forEach(f -> sources.add(new LogSource("context.logs." + f.getKey(), f.getValue())));
            } else if (value != null && !value.isNull() && !value.isMissingNode()) {
                sources.add(new LogSource("context." + key, value));
            }
        }
        JsonNode outputs = context.path("tool_outputs");
        if (outputs.isObject()) {
            for (Map.Entry<String, JsonNode> e : outputs.properties()) {
                sources.add(new LogSource("context.tool_outputs." + e.getKey(), e.getValue()));
            }
        }
        return sources;
    }

    /**
     * A fresh reader over the text, one line per array element (JSON records rendered as one JSON line), without
     * terminal colour codes: every tool reads the lines as the terminal showed them.
     */
    public Reader open() {
        return new TerminalCodesReader(raw());
    }

    /**
     * The last lines of the text, as {@link #open()} reads them, for the times a log ends at; empty when the log has
     * no end apart from its text (a single JSON object).
     */
    public Reader tail() {
        if (node.isTextual()) {
            return new TerminalCodesReader(new StringReader(lastLines(node.textValue())));
        }
        if (node.isArray()) {
            ArrayNode last = JsonNodeFactory.instance.arrayNode();
            for (int i = Math.max(0, node.size() - TAIL_LINES); i < node.size(); i++) {
                last.add(node.get(i));
            }
            return new TerminalCodesReader(new ElementReader(last));
        }
        return Reader.nullReader();
    }

    private static String lastLines(String text) {
        int from = text.length() - 1; // a final line break ends the last line, it opens none
        for (int n = 0; from > 0 && n < TAIL_LINES && text.length() - from < TAIL_CHARS; n++) {
            from = text.lastIndexOf('\n', from - 1);
        }
        return from <= 0 ? text : text.substring(from + 1);
    }

    private Reader raw() {
        if (node.isTextual()) {
            return new StringReader(node.textValue());
        }
        if (node.isArray()) {
            return new ElementReader(node);
        }
        return new StringReader(node.toString());
    }

    /** The approximate size in characters, for summaries. */
    public long size() {
        if (node.isTextual()) {
            return node.textValue().length();
        }
        return node.isArray() ? node.size() * 100L : node.toString().length();
    }
}
