package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON record printed over several lines, as {@code json.dumps(record, indent=2)} or {@code kubectl logs … | jq .}
 * write it. Read a line at a time, its opening line would be one event and its closing brace another, neither with
 * the record's time or level; so from a line that opens an object and leaves it open, lines are gathered until its
 * braces balance, those inside strings not counted. Pretty printers indent all that lies between the braces, so a
 * line that is not indented deeper than the first, and does not close the object, shows that it was text that merely
 * starts with a brace, such as a JSON line cut short; so does an object still open after {@value #MAX_LINES} lines or
 * {@link LogReader#MAX_RAW_CHARS} characters. Either way it cannot swallow the rest of the log.
 */
final class PrintedJson {

    static final int MAX_LINES = 500;

    private final List<String> lines = new ArrayList<>();
    private final int indent;
    private int chars;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean closed;
    private boolean unindented;

    private PrintedJson(String first) {
        indent = indent(first);
    }

    /** The record whose first line this is, or null when the line opens no object or closes the one it opens. */
    static PrintedJson openedBy(String line) {
        if (!line.stripLeading().startsWith("{")) {
            return null;
        }
        PrintedJson json = new PrintedJson(line);
        json.add(line);
        return json.closed ? null : json;
    }

    /**
     * Whether the line is the bracket that opens or closes an array of records, as {@code jq -s} prints them: it
     * holds nothing to read, and the records inside it are indented like continuation lines.
     */
    static boolean bracketsRecords(String line) {
        return line.equals("[") || line.equals("]");
    }

    void add(String line) {
        lines.add(line);
        chars += line.length() + 1;
        for (int i = 0; i < line.length() && !closed; i++) {
            read(line.charAt(i));
        }
        unindented = lines.size() > 1 && !closed && indent(line) <= indent;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private void read(char c) {
        if (escaped) {
            escaped = false;
        } else if (inString) {
            escaped = c == '\\';
            inString = c != '"';
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            depth++;
        } else if (c == '}') {
            closed = --depth == 0;
        }
    }

    /** Whether another line may still belong to the record. */
    boolean open() {
        return !closed && !unindented && withinBounds();
    }

    /** Whether the record's braces balanced within the bounds. */
    boolean complete() {
        return closed && !unindented && withinBounds();
    }

    private boolean withinBounds() {
        return lines.size() <= MAX_LINES && chars <= LogReader.MAX_RAW_CHARS;
    }

    /**
     * The record as one line. Valid JSON breaks lines only between tokens, never inside a string, so joining the
     * stripped lines changes no value, and a record without a message field reads as a one-line record would.
     */
    String oneLine() {
        return String.join(" ", lines.stream().map(String::strip).toList());
    }

    String raw() {
        return String.join("\n", lines);
    }

    int lineCount() {
        return lines.size();
    }

    /** The lines read after the first, to be read again as before when the record turns out to be none. */
    List<String> afterFirst() {
        return lines.subList(1, lines.size());
    }
}
