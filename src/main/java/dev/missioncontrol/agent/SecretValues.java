package dev.missioncontrol.agent;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the value after a name that says it is a secret ({@link SecretNames}), in free text (the name in any script:
 * пароль=…, Passwort: …): key=value, key: value, Ruby's and Logstash's "key" => "value",
 * "key": "value" (also with the escaped quotes of a serialized string), and the Authorization and Cookie headers,
 * whose value runs to the end of the line because it holds spaces, quotes and semicolons of its own.
 */
final class SecretValues {
    /** A name and its separator; a name is only looked for where a word starts. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.-])([\\p{L}\\p{N}_.-]++)\\\\?[\"']?[ \\t]*+(=>|[:=])[ \\t]*+");
    /**
     * The scheme of an Authorization value says how it authenticates, not who: it stays readable. Group 1 is a scheme
     * whose credential is one word, so what follows that word is another matter and stays readable too.
     */
    private static final Pattern SCHEME = Pattern.compile("(?i)(?:(bearer|basic|token)|digest|negotiate|ntlm|oauth"
            + "|hoba|mutual|apikey|sharedkey|aws4-hmac-sha256)\\s+");

    /** What may end an unquoted value without being part of it ({@link #beforePunctuation}). */
    private static final String TRAILING = ",;.)]}>";

    /** YAML's {@code password: |} says the value is on the lines below, which {@link NameValueLines} masks. */
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][1-9]?[+-]?[1-9]?");

    private SecretValues() {
    }

    /** @param masked collects each value masked, so that its echoes elsewhere in the text can be masked too */
    static String mask(String text, Set<String> masked) {
        Matcher m = NAME.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            boolean bare = m.group(1).equalsIgnoreCase("pass");
            boolean grant = queryCode(text, m);
            if (!bare && !grant && !SecretNames.named(m.group(1))) {
                continue; // its value may still hold a name=secret of its own
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            boolean header = m.group(2).equals(":") && (name.endsWith("authorization") || name.endsWith("cookie"));
            int[] value = value(text, m.end(), header, name.endsWith("authorization") || name.endsWith("auth"));
            String given = text.substring(value[0], value[1]);
            if (bare && !SecretNames.passwordAfterPass(given) || grant && !SecretNames.authorizationCode(given)
                    || BLOCK_INDICATOR.matcher(text).region(value[0], value[1]).matches()) {
                continue;
            }
            if (value[0] < value[1] && !text.startsWith(Redactor.MASK, value[0])) {
                masked.add(text.substring(value[0], value[1]));
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, value[0]).append(Redactor.MASK);
                copied = value[1];
            }
            from = Math.max(from, value[1]);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Whether the name is a query's or a form's {@code code=}: OAuth's authorization code travels there. */
    private static boolean queryCode(String text, Matcher name) {
        int at = name.start(1);
        return name.group(1).equalsIgnoreCase("code") && name.group(2).equals("=") && at > 0
                && (text.charAt(at - 1) == '?' || text.charAt(at - 1) == '&');
    }

    /** Where the value starting at {@code at} begins and ends: inside its quotes, or up to a separator. */
    private static int[] value(String text, int at, boolean header, boolean keepScheme) {
        String quote = text.startsWith("\\\"", at) || text.startsWith("\\'", at) ? text.substring(at, at + 2)
                : at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\'') ? text.substring(at, at + 1)
                : "";
        int start = at + quote.length();
        if (!quote.isEmpty() && (start >= text.length() || "\"',}]".indexOf(text.charAt(start)) >= 0)) {
            return new int[] {start, start}; // an empty value, or the quote that closes the string around the name
        }
        int end = !quote.isEmpty() ? closing(text, start, quote) : header ? lineEnd(text, start)
                : beforePunctuation(text, start, wordEnd(text, start));
        if (keepScheme && quote.isEmpty() && !header) {
            // logfmt's authorization=Bearer <token>: the word is the scheme alone, the credential is the next word
            Matcher scheme = SCHEME.matcher(text).region(start, lineEnd(text, start));
            if (scheme.lookingAt() && scheme.end() > end && scheme.end() < lineEnd(text, start)) {
                return new int[] {scheme.end(), wordEnd(text, scheme.end())};
            }
        }
        if (keepScheme) {
            Matcher scheme = SCHEME.matcher(text).region(start, end);
            if (scheme.lookingAt()) {
                start = scheme.end();
                end = scheme.group(1) == null ? end : Math.min(end, wordEnd(text, start));
            }
        }
        return new int[] {start, end};
    }

    private static int closing(String text, int start, String quote) {
        int end = lineEnd(text, start);
        for (int i = text.indexOf(quote, start); i >= 0 && i < end; i = text.indexOf(quote, i + 1)) {
            if (quote.length() == 2 || text.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return end;
    }

    private static int lineEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /**
     * A sentence's comma or full stop, or the bracket closing around a pair, that ends an unquoted value belongs to
     * the text: "password=x, retrying" keeps its comma. At worst a password's own last symbols stay readable.
     */
    private static int beforePunctuation(String text, int start, int end) {
        int cut = end;
        while (cut > start + 1 && TRAILING.indexOf(text.charAt(cut - 1)) >= 0) {
            cut--;
        }
        return cut;
    }

    /** An unquoted value ends at a space, a quote, the next query parameter, or an escaped quote. */
    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length()) {
            char c = text.charAt(end);
            boolean escapedQuote = c == '\\' && end + 1 < text.length() && "\"'".indexOf(text.charAt(end + 1)) >= 0;
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '&' || escapedQuote) {
                break;
            }
            end++;
        }
        return end;
    }
}
