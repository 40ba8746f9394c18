package dev.missioncontrol.logs;

import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a message token by {@code <*>} before the miner looks at it, so that lines
 * differing only in ids, numbers, addresses or paths land in the same branch of the parse tree. One fixed rule
 * set serves every log: it is a property of what variables look like, not of any particular system.
 */
final class VariableMasker {

    static final String WILDCARD = "<*>";

    /** Lookahead: the domain or host name that follows has no empty label. */
    private static final String DOTTED = "(?![\\w.-]*\\.\\.)";

    /**
     * Whole-token shapes that are always values, each tried only when the token has the character it needs. No
     * shape repeats a group: Java matches a repeated group by recursion, so a token of thousands of path segments or
     * domain labels would overflow the stack. "Labels separated by single dots" is a character run plus a lookahead
     * that refuses "..", which the engine matches in a loop.
     */
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@" + DOTTED + "[\\w-]+\\.[\\w.-]*[\\w-]");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IPV4 = Pattern.compile("/?\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?");
    private static final Pattern COLON_VALUE = Pattern.compile(String.join("|",
            "\\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}(%\\w+)?\\]?(:\\d{1,5})?",  // IPv6, optional port
            "([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}",                                // MAC address
            DOTTED + "[\\w-][\\w.-]*\\.[a-zA-Z]{2,}+:\\d{1,5}",                   // host name with port
            "\\d{1,2}:\\d{2}(:\\d{2})?([.,]\\d+)?"));                                // time of day
    private static final Pattern PATH = Pattern.compile("(?!.*//)/[\\w.@%+~/-]+|[A-Za-z]:\\\\[^\\s]*");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private static final String OPENERS = "([{<'\"";
    private static final String CLOSERS = ")]}>'\",;:.!?";

    private VariableMasker() {
    }

    /** The token with its variable parts masked; the token itself when nothing in it looks variable. */
    static String mask(String token) {
        if (!mayHoldValue(token) || isStatusClass(token)) {
            return token;
        }
        if (token.charAt(0) == '[' && isWholeValue(token)) {
            return WILDCARD; // a bracketed IPv6 address with port: the brackets are part of the value
        }
        int start = 0;
        int end = token.length();
        while (start < end && OPENERS.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && CLOSERS.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        String core = token.substring(start, end);
        if (!core.isEmpty() && mayHoldValue(core) && isWholeValue(core)) {
            return token.substring(0, start) + WILDCARD + token.substring(end);
        }
        int equals = core.indexOf('=');
        if (equals > 0 && equals < core.length() - 1) {
            // key=value: the key names the field and stays (but for numbers in it); the value is judged on its own
            String key = NumberRuns.mask(core.substring(0, equals + 1));
            String value = mask(core.substring(equals + 1));
            return token.substring(0, start) + key + value + token.substring(end);
        }
        return NumberRuns.mask(token);
    }

    /** Regular expressions are costly per token, so each shape is tried only when its telltale character is present. */
    static boolean isWholeValue(String core) {
        char first = core.charAt(0);
        if (core.indexOf(':') >= 0) {
            return URL.matcher(core).matches() || COLON_VALUE.matcher(core).matches() || IPV4.matcher(core).matches()
                    || PATH.matcher(core).matches() || DATE.matcher(core).matches();
        }
        if (first == '/' || core.indexOf('\\') >= 0) {
            return PATH.matcher(core).matches() || IPV4.matcher(core).matches();
        }
        if (core.indexOf('@') >= 0) {
            return EMAIL.matcher(core).matches();
        }
        if (core.length() == 36 && core.indexOf('-') >= 0) {
            return UUID.matcher(core).matches();
        }
        if (first == '0' && core.length() > 2 && (core.charAt(1) == 'x' || core.charAt(1) == 'X')) {
            return isHex(core, 2);
        }
        return (core.indexOf('.') >= 0 && IPV4.matcher(core).matches())
                || (core.length() >= 10 && core.charAt(4) == '-' && DATE.matcher(core).matches())
                || isHexId(core);
    }

    /** A bare hex id (digest, object id): 8+ lowercase hex characters mixing digits and letters. */
    private static boolean isHexId(String core) {
        if (core.length() < 8 || !isHex(core, 0)) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= c >= 'a' && c <= 'f';
        }
        return digit && letter;
    }

    private static boolean isHex(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (from > 0 && c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return from < text.length();
    }

    /**
     * An HTTP status class such as {@code 5xx} names a kind of outcome, not a value: lines that differ in it are
     * different events (a 502 is trouble, a 200 is not), so it stays a word, and one the parse tree may branch on.
     */
    static boolean isStatusClass(String token) {
        return token.length() == 3 && token.charAt(0) >= '1' && token.charAt(0) <= '5'
                && (token.charAt(1) | 0x20) == 'x' && (token.charAt(2) | 0x20) == 'x';
    }

    /** Cheap pre-check: a token without digits, slashes or '@' cannot match any value shape. */
    static boolean mayHoldValue(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c >= '0' && c <= '9') || c == '/' || c == '@' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
