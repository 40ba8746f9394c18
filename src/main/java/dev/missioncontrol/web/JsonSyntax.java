package dev.missioncontrol.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words why a body is not JSON, with where when the parser knows. The parser's own messages name its
 * classes, methods and feature switches, which mean nothing to a client, so they are never passed on.
 */
public final class JsonSyntax {
    private static final StreamReadConstraints LIMITS = Json.MAPPER.getFactory().streamReadConstraints();

    /** What a parser message is about (matched by a phrase in it, first match wins), in a client's words. */
    private static final List<Map.Entry<String, String>> KNOWN = List.of(
            Map.entry("Non-standard token", "NaN and Infinity are not JSON numbers"),
            Map.entry("comment", "JSON has no comments"),
            Map.entry("UTF-8", "it is not UTF-8 text"),
            Map.entry("numeric value", "a number is not written the way JSON writes numbers"),
            Map.entry("Illegal unquoted character", "a control character in a string must be escaped"),
            Map.entry("character escape", "a string holds an escape JSON does not have"),
            Map.entry("surrogate", "a field name holds an unpaired UTF-16 surrogate, which is not a character"),
            Map.entry("was expecting comma", "a comma is missing between two entries"),
            Map.entry("was expecting double-quote to start field name", "a field name is missing or not in double "
                    + "quotes (a comma left before a closing brace?)"),
            Map.entry("Unrecognized token", "unexpected text where a value belongs"));

    /** Jackson's words for a field read twice; the name is the client's own, so it may be shown. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)' for `ObjectNode`", Pattern.DOTALL);

    private JsonSyntax() {
    }

    static String describe(JacksonException e) {
        return "the body is not valid JSON: " + explain(e);
    }

    /** Why the text is not JSON and where, e.g. "a comma is missing between two entries (line 2, column 5)". */
    public static String explain(JacksonException e) {
        String reason = reason(e, e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
        return reason + where;
    }

    private static String reason(JacksonException e, String message) {
        if (e instanceof StreamConstraintsException) {
            return overLimit(message);
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return "something follows the JSON value; send exactly one object";
        }
        Matcher twice = DUPLICATE.matcher(message);
        if (twice.lookingAt()) {
            return "the field \"" + abbreviated(twice.group(1)) + "\" appears twice in one object";
        }
        if (e instanceof JsonEOFException) {
            return "it ends before the JSON value is complete";
        }
        return KNOWN.stream().filter(k -> message.contains(k.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("unexpected character");
    }

    private static String abbreviated(String name) {
        return name.length() <= 64 ? name : name.substring(0, 63) + "\u2026";
    }

    private static String overLimit(String message) {
        if (message.contains("nesting depth")) {
            return "objects and arrays nest more than " + LIMITS.getMaxNestingDepth() + " deep";
        }
        if (message.startsWith("Number value length")) {
            return "a number is longer than " + LIMITS.getMaxNumberLength() + " characters";
        }
        if (message.startsWith("Name length")) {
            return "a field name is longer than " + LIMITS.getMaxNameLength() + " characters";
        }
        if (message.startsWith("String value length")) {
            return "a string is longer than " + LIMITS.getMaxStringLength() + " characters";
        }
        return "it is over one of the limits the server reads JSON within";
    }
}
