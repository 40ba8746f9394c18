package dev.missioncontrol.logs;

import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a message token by {@code <*>} before the miner looks at it, so that lines
 * differing only in ids, numbers, addresses or paths land in the same branch of the parse tree. One fixed rule
 * set serves every log: it is a property of what variables look like, not of any particular system.
 */
final class VariableMasker {

    static final String WILDCARD = "<*>";

    /** Whole-token shapes that are always values. Checked on the token stripped of brackets and punctuation. */
    private static final Pattern WHOLE_VALUE = Pattern.compile(String.join("|",
            "[a-zA-Z][a-zA-Z0-9+.-]*://\\S*",                                   // URL
            "[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+",                                  // e-mail
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", // UUID
            "/?\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?",                          // IPv4, optional port
            "[\\w-]+(\\.[\\w-]+)*\\.[a-zA-Z]{2,}:\\d{1,5}",                       // host name with port
            "\\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}(%\\w+)?\\]?(:\\d{1,5})?", // IPv6
            "([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}",                           // MAC address
            "(/[\\w.@%+~-]+)+/?|[A-Za-z]:\\\\[^\\s]*",                         // Unix or Windows path
            "0[xX][0-9a-fA-F]+",                                               // hex literal
            "(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}",                // bare hex id: digest, object id
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?", // date, timestamp
            "\\d{1,2}:\\d{2}(:\\d{2})?([.,]\\d+)?"));                          // time of day

    private static final String OPENERS = "([{<'\"";
    private static final String CLOSERS = ")]}>'\",;:.!?";

    private VariableMasker() {
    }

    /** The token with its variable parts masked; the token itself when nothing in it looks variable. */
    static String mask(String token) {
        if (!mayHoldValue(token)) {
            return token;
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
        if (!core.isEmpty() && mayHoldValue(core) && WHOLE_VALUE.matcher(core).matches()) {
            return token.substring(0, start) + WILDCARD + token.substring(end);
        }
        int equals = core.indexOf('=');
        if (equals > 0 && equals < core.length() - 1) {
            // key=value: the key names the field and stays; the value is judged on its own
            String value = mask(core.substring(equals + 1));
            return token.substring(0, start) + core.substring(0, equals + 1) + value + token.substring(end);
        }
        return NumberRuns.mask(token);
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
