package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line shape given the way Loghub describes its datasets, e.g. {@code <Date> <Time> <Level> <Component>: <Content>}.
 * Each {@code <Name>} captures a field lazily, runs of spaces match any whitespace, and everything else is taken
 * as a regular-expression fragment (so {@code (\[<PID>\])?} makes a bracketed pid optional). The
 * {@code Content} field is the message that the miner parses.
 */
public final class HeaderFormat {

    private static final Pattern FIELD = Pattern.compile("<([^<>]+)>");
    private static final String CONTENT = "Content";

    private final Pattern pattern;
    private final List<String> names;

    private HeaderFormat(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    public static HeaderFormat parse(String format) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher field = FIELD.matcher(format);
        int literalStart = 0;
        while (field.find()) {
            regex.append(literal(format.substring(literalStart, field.start())));
            // Java group names allow letters and digits only, so fields are numbered and named on the side
            regex.append("(?<f").append(names.size()).append(">.*?)");
            names.add(field.group(1));
            literalStart = field.end();
        }
        regex.append(literal(format.substring(literalStart))).append('$');
        if (!names.contains(CONTENT)) {
            throw new IllegalArgumentException("a log format needs a <Content> field: " + format);
        }
        return new HeaderFormat(Pattern.compile(regex.toString()), List.copyOf(names));
    }

    private static String literal(String part) {
        return part.replaceAll(" +", "\\\\s+");
    }

    /** The fields of the line by name, or null when the line does not have this shape. */
    public Map<String, String> fields(String line) {
        Matcher m = pattern.matcher(line.strip());
        if (!m.find()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), m.group("f" + i));
        }
        return fields;
    }

    /** The message part of the line, or null when the line does not have this shape. */
    public String content(String line) {
        Map<String, String> fields = fields(line);
        return fields == null ? null : fields.get(CONTENT);
    }
}
