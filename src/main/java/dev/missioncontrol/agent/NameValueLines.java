package dev.missioncontrol.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks an environment variable's value written on the line after its name, as {@code kubectl get -o yaml} and
 * Compose files list them ({@code - name: DB_PASSWORD}, then {@code value: "…"}): each line alone names no secret
 * or holds one without its name, so the lines are judged in pairs.
 */
final class NameValueLines {
    private static final Pattern NAME = Pattern.compile("\\s*(?:-\\s+)?name:\\s*['\"]?([^\\s'\"]+)['\"]?\\s*");
    private static final Pattern VALUE = Pattern.compile("(\\s*value:\\s*['\"]?)([^'\"]+?)(['\"]?\\s*)");

    private NameValueLines() {
    }

    static List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher name = NAME.matcher(lines.get(i));
            if (!name.matches() || !SecretNames.named(name.group(1))) {
                continue;
            }
            Matcher value = VALUE.matcher(lines.get(i + 1));
            if (value.matches() && !value.group(2).equals(Redactor.MASK)) {
                out.set(i + 1, value.group(1) + Redactor.MASK + value.group(3));
            }
        }
        return out;
    }
}
