package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.missioncontrol.logs.TerminalCodesReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One place in a session's context that holds log text: {@code logs} (a string, or an array of strings or of JSON
 * records, or an object of file names to either, each file a source of its own), each entry of
 * {@code tool_outputs}, {@code error}/{@code errors}, and any other key whose name says it holds captured output (a
 * {@code stacktrace}, a {@code kubectl_describe}, {@code raw_logs}) and whose value is a list or a text of more than a
 * line. It is read straight from the context already in memory, never copied, so a 50 MB paste costs its own size once.
 */
public record LogSource(String name, JsonNode node) {

    private static final List<String> TOP_LEVEL = List.of("logs", "error", "errors");
    /** Keys read otherwise: the request's metrics are shown to the model whole, tool outputs are sources each. */
    private static final Set<String> READ_OTHERWISE = Set.of("metrics", "tool_outputs");
    /**
     * Words in a key's name that say it holds what a program printed. A person's own words (a description, notes,
     * past incidents' titles) and configuration are not read as a log: their "certificate expired" or "no 429s seen"
     * would be taken for failing lines, and they are shown to the model instead.
     */
    private static final Set<String> CAPTURED_WORDS = Set.of("log", "logs", "logfile", "logfiles", "syslog",
            "trace", "traces", "stacktrace", "stacktraces", "traceback", "tracebacks", "backtrace", "stack",
            "exception", "exceptions", "error", "errors", "output", "outputs", "stdout", "stderr", "kubectl",
            "describe", "events", "dmesg", "journal", "journalctl", "dump", "panic", "crash");
    /** Between words: anything not a letter or digit, a lower-case letter before a capital, an acronym's end. */
    private static final Pattern WORD_BREAK = Pattern.compile(
            "[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    /** A text under a captured-output key this long is pasted output even on one line (a trace joined by spaces). */
    public static final int PASTED_TEXT_CHARS = 500;
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
        context.properties().forEach(f -> {
            if (TOP_LEVEL.contains(f.getKey()) || READ_OTHERWISE.contains(f.getKey())) {
                return;
            }
            if (files(f.getKey(), f.getValue())) {
                f.getValue().properties().forEach(file -> sources.add(new LogSource("context." + f.getKey() + "."
                        + file.getKey(), file.getValue())));
            } else if (pasted(f.getKey(), f.getValue()) && !repeats(f.getValue(), sources)) {
                sources.add(new LogSource("context." + f.getKey(), f.getValue()));
            }
        });
        return sources;
    }

    /**
     * Whether a context key holds material the log tools read: the log keys, and a key whose name says it holds
     * captured output ({@link #CAPTURED_WORDS}) with a list, or a text of more than one line or longer than
     * {@value #PASTED_TEXT_CHARS} characters. The model is told these are attached; it is shown the others.
     */
    public static boolean pasted(String key, JsonNode value) {
        if (TOP_LEVEL.contains(key) || key.equals("tool_outputs")) {
            return true;
        }
        return captured(key) && (files(key, value) || printed(value));
    }

    private static boolean captured(String key) {
        return !READ_OTHERWISE.contains(key) && WORD_BREAK.splitAsStream(key)
                .anyMatch(w -> CAPTURED_WORDS.contains(w.toLowerCase(Locale.ROOT)));
    }

    /** A list, or a text of more than one line or longer than a line usually is. */
    private static boolean printed(JsonNode value) {
        return value.isArray() || value.isTextual() && (value.textValue().length() > PASTED_TEXT_CHARS
                || value.textValue().strip().contains("\n"));
    }

    /** Captured output as {@code logs} may hold it: an object of file names to their text, each a source of its own. */
    private static boolean files(String key, JsonNode value) {
        if (!captured(key) || !value.isObject() || value.isEmpty()) {
            return false;
        }
        for (var file : value.properties()) {
            if (!file.getValue().isTextual() && !file.getValue().isArray()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a pasted text is already read in another source: the same log sent again under {@code raw_logs}, or a
     * logged exception's trace pasted apart, would count every failing line twice.
     */
    private static boolean repeats(JsonNode value, List<LogSource> earlier) {
        if (!value.isTextual()) {
            return false;
        }
        String text = value.textValue().strip();
        return earlier.stream().anyMatch(s -> s.node().isTextual() && s.node().textValue().contains(text));
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
