package dev.missioncontrol.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks private keys (PEM, OpenSSH, PGP armor) that span lines. A log quotes a key one line at a time, and a tool may
 * return those lines apart (a hit and its neighbours), so the lines are judged in order: everything from a BEGIN
 * marker to its END marker goes, and where only one marker is in view, the key-like lines next to it go with it.
 */
final class PrivateKeyLines {
    private static final String KIND = "[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN " + KIND);
    private static final Pattern END = Pattern.compile("-----END " + KIND);
    /** A whole key within one text, also when its line breaks are escaped. */
    static final Pattern BLOCK = Pattern.compile(BEGIN.pattern() + "[\\s\\S]*?" + END.pattern());
    /** A line of a key's body: base64, a checksum (=abcd), or an armor header such as Proc-Type. */
    private static final Pattern BODY = Pattern.compile(
            "\\s*(?:[A-Za-z0-9+/]+=*|=[A-Za-z0-9+/]+|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): .*)\\s*");
    /**
     * Base64 filling a line of at least 40 characters with upper and lower case and a digit: a key's body line even
     * with no marker in view. Hex digests and words never mix all three.
     */
    private static final Pattern WIDE_BODY = Pattern.compile("\\s*" + mixedBase64(40) + "\\s*");

    /**
     * A key's body line behind a log prefix ({@code 2024-05-01T10:00:01Z INFO MIIEow…}), as a logger that timestamps
     * each line prints a key: the last token is base64 of 16 or more characters with upper and lower case and a
     * digit, which words, camelCase names and URL paths are not.
     */
    private static final Pattern PREFIXED_BODY = Pattern.compile("(.*\\s)(?![A-Za-z0-9+]*//)(?!/)"
            + mixedBase64(16) + "\\s*");
    /** {@link #PREFIXED_BODY} alone, with no marker in view: held to a key line's width, 40 as {@link #WIDE_BODY}. */
    private static final Pattern PREFIXED_WIDE_BODY = Pattern.compile("(.*\\s)(?!/)" + mixedBase64(40) + "\\s*");

    private PrivateKeyLines() {
    }

    /** A base64 run of at least {@code min} characters mixing upper and lower case and a digit, with its padding. */
    private static String mixedBase64(int min) {
        return "(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{" + min + ",}=*";
    }

    static List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        boolean[] done = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (!done[i] && BEGIN.matcher(lines.get(i)).find()) {
                int end = endAfter(lines, i);
                int last = end >= 0 ? end : bodyAfter(lines, i);
                out.set(i, fromBegin(lines.get(i)));
                for (int j = i + 1; j <= last; j++) {
                    out.set(j, end == j ? toEnd(lines.get(j)) : maskedBody(lines.get(j)));
                }
                markDone(done, i, last);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!done[i] && END.matcher(lines.get(i)).find()) {
                out.set(i, toEnd(lines.get(i)));
                for (int j = i - 1; j >= 0 && !done[j] && isBody(lines.get(j)); j--) {
                    out.set(j, maskedBody(lines.get(j)));
                }
            } else if (!done[i] && WIDE_BODY.matcher(lines.get(i)).matches()) {
                out.set(i, Redactor.MASK);
            } else if (!done[i]) {
                var prefixed = PREFIXED_WIDE_BODY.matcher(lines.get(i));
                if (prefixed.matches()) {
                    out.set(i, prefixed.group(1) + Redactor.MASK);
                }
            }
        }
        return out;
    }

    private static int endAfter(List<String> lines, int begin) {
        for (int j = begin + 1; j < lines.size(); j++) {
            if (END.matcher(lines.get(j)).find()) {
                return j;
            }
            if (BEGIN.matcher(lines.get(j)).find()) {
                return -1;
            }
        }
        return -1;
    }

    /** The last line of the key-like run after a BEGIN whose END is out of view; blank lines do not end it. */
    private static int bodyAfter(List<String> lines, int begin) {
        int last = begin;
        for (int j = begin + 1; j < lines.size(); j++) {
            if (isBody(lines.get(j))) {
                last = j;
            } else if (!lines.get(j).isBlank()) {
                break;
            }
        }
        return last;
    }

    private static void markDone(boolean[] done, int from, int to) {
        for (int j = from; j <= to; j++) {
            done[j] = true;
        }
    }

    private static boolean isBody(String line) {
        return BODY.matcher(line).matches() || PREFIXED_BODY.matcher(line).matches();
    }

    /**
     * A line inside a key, masked whole: what looks like its log prefix may itself be key material (a key whose
     * line breaks became spaces), so nothing of it stays.
     */
    private static String maskedBody(String line) {
        return line.isBlank() ? line : Redactor.MASK;
    }

    /** What precedes the BEGIN marker (a log prefix, a field name) stays. */
    private static String fromBegin(String line) {
        var m = BEGIN.matcher(line);
        return m.find() ? line.substring(0, m.start()) + Redactor.MASK : line;
    }

    /** What follows the END marker stays. */
    private static String toEnd(String line) {
        var m = END.matcher(line);
        return m.find() ? Redactor.MASK + line.substring(m.end()) : line;
    }
}
