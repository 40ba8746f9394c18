package dev.missioncontrol.agent;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets whose name and value are apart, so the key=value rules of {@link SecretValues} miss them: a name/value
 * pair (the Kubernetes and ECS environment format), a command-line flag and its argument, an XML element or a
 * key/value pair of attributes, and a URL-encoded form field. In each rule group 1 is the name and group 2 the
 * value; the value is masked when the name says secret ({@link SecretNames}). A short flag such as -p stays readable:
 * it is a port as often as a password.
 */
final class SecretPairs {
    private static final String QUOTE = "\\\\?\"";
    private static final List<Pattern> RULES = List.of(
            Pattern.compile("(?i)" + QUOTE + "(?:name|key)" + QUOTE + "\\s*:\\s*" + QUOTE + "([^\"\\\\]{1,200})"
                    + QUOTE + "\\s*,\\s*" + QUOTE + "value" + QUOTE + "\\s*:\\s*" + QUOTE + "([^\"\\\\]+)"),
            Pattern.compile("(?<![\\w-])(--[A-Za-z][\\w-]{0,63}|-[A-Za-z][a-z0-9-]{0,31})[ \\t]++([^\\s\"'-]\\S*)"),
            Pattern.compile("<([A-Za-z][\\w:.-]{0,63})(?:\\s[^<>]{0,256})?>([^<]{1,4096})</\\1>"),
            // .NET's appSettings and the like: <add key="DbPassword" value="…"/>
            Pattern.compile("(?i)\\b(?:key|name)\\s*=\\s*\"([^\"<>]{1,200})\"\\s+value\\s*=\\s*\"([^\"]{1,4096})\""),
            Pattern.compile("(?i)\\b(?:key|name)\\s*=\\s*'([^'<>]{1,200})'\\s+value\\s*=\\s*'([^']{1,4096})'"));
    /** {@code ["DB_PASSWORD", "…"]}: a name and its value written as a two-item array. */
    private static final Pattern ARRAY_PAIR = Pattern.compile("\\[\\s*" + QUOTE + "([^\"\\\\]{1,200})" + QUOTE
            + "\\s*,\\s*" + QUOTE + "([^\"\\\\]+)" + QUOTE + "\\s*]");
    /**
     * {@code client_secret - …}, as a logger writes its name and message: a secret's name, a dash, and one word that
     * ends the line. The word must look generated and not be a number, so "auth - 200" and "auth - started" stay.
     */
    private static final Pattern DASHED = Pattern.compile(
            "(?m)(?<![\\w.-])([\\w.-]{1,64})[ \\t]+-[ \\t]+([^\\s\"']+)[ \\t]*$");
    private static final Pattern NUMBER = Pattern.compile("[\\d.,:%/-]+");
    /** A URL-encoded name and '='; its value runs to an '&', encoded or not, or a space. */
    private static final Pattern ENCODED_NAME = Pattern.compile("(?<![\\w.-])([\\w.-]{1,64})%3[dD]");
    private static final String ENCODED_AMPERSAND = "%26";

    private SecretPairs() {
    }

    static String mask(String text) {
        String out = text;
        for (Pattern rule : RULES) {
            out = rule.matcher(out).replaceAll(SecretPairs::masked);
        }
        out = ARRAY_PAIR.matcher(out).replaceAll(m -> loosePair(m.group(1), m.group(2)) ? masked(m)
                : Matcher.quoteReplacement(m.group()));
        out = DASHED.matcher(out).replaceAll(m -> loosePair(m.group(1), m.group(2))
                && !NUMBER.matcher(m.group(2)).matches() ? masked(m) : Matcher.quoteReplacement(m.group()));
        return out.contains("%3") ? maskEncoded(out) : out;
    }

    /**
     * Whether a name and the word next to it, joined by nothing but their places (a two-item array, a dash), are a
     * secret and its value. A list of two field names (["password", "email"], ["token", "refresh_token"]) is not, so
     * the word must look generated and name nothing itself.
     */
    static boolean loosePair(String name, String value) {
        return SecretNames.named(name) && Redactor.generated(value) && !SecretNames.named(value);
    }

    private static String maskEncoded(String text) {
        Matcher m = ENCODED_NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (m.find()) {
            int end = encodedValueEnd(text, m.end());
            if (SecretNames.named(m.group(1)) && end > m.end() && !text.startsWith(Redactor.MASK, m.end())) {
                out.append(text, copied, m.end()).append(Redactor.MASK);
                copied = end;
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private static int encodedValueEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '&' && !Character.isWhitespace(text.charAt(end))
                && !text.regionMatches(true, end, ENCODED_AMPERSAND, 0, ENCODED_AMPERSAND.length())) {
            end++;
        }
        return end;
    }

    private static String masked(MatchResult m) {
        String name = m.group(1).substring(m.group(1).lastIndexOf(':') + 1); // an XML prefix names no secret
        if (!SecretNames.named(name)) {
            return Matcher.quoteReplacement(m.group());
        }
        if (m.group(2).startsWith(Redactor.MASK)) {
            return Matcher.quoteReplacement(m.group());
        }
        String whole = m.group();
        return Matcher.quoteReplacement(whole.substring(0, m.start(2) - m.start()) + Redactor.MASK
                + whole.substring(m.end(2) - m.start()));
    }
}
