package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.util.Iterator;

/** Reads a JSON array as lines, rendering one element at a time so the whole text never exists at once. */
final class ElementReader extends Reader {
    private final Iterator<JsonNode> elements;
    private String current = "";
    private int at;

    ElementReader(JsonNode array) {
        this.elements = array.elements();
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (at >= current.length()) {
            if (!elements.hasNext()) {
                return -1;
            }
            JsonNode next = elements.next();
            // a string element may itself hold several lines; an object is one structured record
            current = (next.isTextual() ? next.textValue() : next.toString()) + "\n";
            at = 0;
        }
        int n = Math.min(length, current.length() - at);
        current.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release: the array stays with the session context
    }
}
