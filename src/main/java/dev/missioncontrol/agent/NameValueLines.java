package dev.missioncontrol.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks a secret's value written on the lines after its name, where each line alone names no secret or holds one
 * without its name, so the lines are judged together: an environment variable as {@code kubectl get -o yaml} and
 * Compose files list them ({@code - name: DB_PASSWORD}, then {@code value: "…"}), and a YAML block under a secret's
 * name ({@code password: |} or {@code token: >-}, or {@code password:} alone) with the value indented below it.
 */
final class NameValueLines {
    private static final Pattern NAME = Pattern.compile("\\s*(?:-\\s+)?name:\\s*['\"]?([^\\s'\"]+)['\"]?\\s*");
    private static final Pattern VALUE = Pattern.compile("(\\s*value:\\s*['\"]?)([^'\"]+?)(['\"]?\\s*)");
    /** A block scalar's header; group 1 is what stands before the name, group 2 the name. */
    private static final Pattern BLOCK_SCALAR = Pattern.compile(
            "(.*?[\\s{,]|)['\"]?([\\w.-]+)['\"]?:[ \\t]+[|>][1-9]?[+-]?[1-9]?[ \\t]*(?:#.*)?");
    /** A name alone on its line, its value on the lines below: a plain scalar or a mapping. */
    private static final Pattern BARE_NAME = Pattern.compile("(\\s*(?:-\\s+)?)['\"]?([\\w.-]+)['\"]?:[ \\t]*");
    /** A mapping's entry under a bare name: its own name decides whether its value is a secret. */
    private static final Pattern ENTRY = Pattern.compile("\\s*(?:-\\s+)?['\"]?[\\w.-]+['\"]?:(?:\\s.*)?");
    /** A logger's prefix (a timestamp) that starts every line, so that indentation is read after it. */
    private static final Pattern PREFIX = Pattern.compile("\\S*\\d\\S* ");

    private NameValueLines() {
    }

    static List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i + 1 < lines.size(); i++) {
            maskValueLine(lines, out, i);
            maskBlock(lines, out, i);
        }
        return out;
    }

    private static void maskValueLine(List<String> lines, List<String> out, int i) {
        Matcher name = NAME.matcher(lines.get(i));
        if (!name.matches() || !SecretNames.named(name.group(1))) {
            return;
        }
        Matcher value = VALUE.matcher(lines.get(i + 1));
        if (value.matches() && !value.group(2).equals(Redactor.MASK)) {
            out.set(i + 1, value.group(1) + Redactor.MASK + value.group(3));
        }
    }

    /** The lines indented deeper than a secret's name, up to the first that is not, are its value. */
    private static void maskBlock(List<String> lines, List<String> out, int i) {
        String prefix = prefix(lines.get(i));
        String head = lines.get(i).substring(prefix.length());
        Matcher block = BLOCK_SCALAR.matcher(head);
        Matcher bare = BARE_NAME.matcher(head);
        boolean scalar = block.matches() && SecretNames.named(block.group(2));
        if (!scalar && !(bare.matches() && SecretNames.named(bare.group(2)))) {
            return;
        }
        Matcher name = scalar ? block : bare;
        int depth = name.group(1).isBlank() || name.group(1).strip().equals("-") ? name.group(1).length()
                : indent(head);
        for (int j = i + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            String kept = !prefix.isEmpty() && shape(prefix(line)).equals(shape(prefix)) ? prefix(line) : "";
            String body = line.substring(kept.length());
            if (body.isBlank()) {
                continue;
            }
            if (indent(body) <= depth) {
                return;
            }
            if (scalar || !ENTRY.matcher(body).matches()) {
                out.set(j, kept + body.substring(0, indent(body)) + Redactor.MASK);
            }
        }
    }

    private static String prefix(String line) {
        Matcher m = PREFIX.matcher(line);
        return m.lookingAt() ? m.group() : "";
    }

    /** A prefix's shape: two timestamps of the same format are the same prefix. */
    private static String shape(String prefix) {
        return prefix.replaceAll("\\d", "0");
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }
}
