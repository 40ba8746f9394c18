package dev.missioncontrol.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects every problem with a JSON object at once, so a client fixes them all in one round trip. */
public final class Validator {
    /**
     * Short fields name and identify things, where a NUL is always a mistake (and PostgreSQL cannot store one), so
     * it is refused rather than replaced; free-form content (context, messages) keeps its text, a NUL stored as
     * U+FFFD.
     */
    public static final String NO_NUL = "must not contain the NUL character (U+0000)";

    /**
     * A name identifies a thing on one line: in lists, in notifications and in the server log, where a line break
     * would let it forge a line of its own. Tab is the one control character kept, as it is harmless there.
     */
    public static final String NO_CONTROL = "must not contain line breaks or other control characters";
    /** A TCP port, 1 to 65535: a link to port 0 or 70000 opens nothing, so it is refused where it is given. */
    private static final String PORT = "(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])";
    /** user-info, then a host name, an IPv4 address or a bracketed IPv6 address, then an optional port. */
    private static final String AUTHORITY = "(?:[^\\s/?#@]*@)?(?:\\[[0-9a-f:.]+]|[^\\s/?#@:\\[\\]]+)(?::" + PORT + ")?";
    /** An http:// or https:// URL with a host, as the API takes a link and serve takes a base URL. */
    public static final Pattern HTTP_URL = Pattern.compile("https?://" + AUTHORITY + "(?:[/?#]\\S*)?",
            Pattern.CASE_INSENSITIVE);

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    public Validator(JsonNode body) {
        this.body = body;
    }

    /**
     * Whether {@code text} shows nothing: only spaces of any kind (a no-break space too) and invisible format
     * characters (zero-width spaces, a byte-order mark), which String.isBlank lets through as text.
     */
    public static boolean looksBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /** Whether {@code text} has more than {@code max} characters, counted as people count them (an emoji is one). */
    public static boolean longerThan(String text, int max) {
        return text.length() > max && text.codePointCount(0, text.length()) > max;
    }

    public static boolean holdsNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** True when the text holds a control character other than tab (line breaks, escape, DEL, C1 controls). */
    public static boolean holdsControl(String text) {
        return text.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /** An optional one-line name of at most {@code max} characters; null when absent or invalid. */
    public String optionalName(String field, int max) {
        String s = optionalText(field, max);
        if (s != null && holdsControl(s)) {
            errors.add(FieldError.invalid(field, NO_CONTROL));
            return null;
        }
        return s;
    }

    /** A required, non-blank string of at most {@code max} characters, or null when invalid. */
    public String requiredText(String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            errors.add(FieldError.missing(field));
            return null;
        }
        String s = text(field, v, max);
        if (s != null && looksBlank(s)) {
            errors.add(new FieldError("/" + field, "missing", "must not be blank"));
            return null;
        }
        return s;
    }

    /** An optional string of at most {@code max} characters; null when absent or invalid. */
    public String optionalText(String field, int max) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : text(field, v, max);
    }

    public String optionalMatching(String field, int max, Pattern pattern, String rule) {
        String s = optionalText(field, max);
        if (s != null && !pattern.matcher(s).matches()) {
            errors.add(FieldError.invalid(field, rule));
            return null;
        }
        return s;
    }

    public String optionalOneOf(String field, Set<String> allowed, String fallback) {
        String s = optionalText(field, 64);
        if (s == null) {
            return errorsFor(field) ? null : fallback;
        }
        if (!allowed.contains(s)) {
            errors.add(FieldError.invalid(field, "must be one of " + String.join(", ", ordered(allowed))));
            return null;
        }
        return s;
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    /** Throws when anything was wrong; call after reading every field. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private String text(String field, JsonNode v, int max) {
        if (!v.isTextual()) {
            errors.add(FieldError.invalid(field, "must be a string"));
            return null;
        }
        String s = v.asText();
        if (longerThan(s, max)) {
            errors.add(FieldError.tooLong(field, max));
            return null;
        }
        if (holdsNul(s)) {
            errors.add(FieldError.invalid(field, NO_NUL));
            return null;
        }
        return s;
    }

    private boolean errorsFor(String field) {
        return errors.stream().anyMatch(e -> e.pointer().equals("/" + field));
    }

    private static List<String> ordered(Set<String> allowed) {
        return allowed instanceof java.util.SequencedSet<String> seq ? List.copyOf(seq) : allowed.stream().sorted().toList();
    }
}
