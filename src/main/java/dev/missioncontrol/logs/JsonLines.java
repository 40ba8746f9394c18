package dev.missioncontrol.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** Structured logs written one JSON object per line, with the field names common loggers use. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "ts", "time", "t", "datetime", "date");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "loglevel", "levelname", "log.level");
    private static final List<String> MESSAGE = List.of("msg", "message", "@message", "text", "event", "log");
    private static final List<String> COMPONENT = List.of("logger", "logger_name", "loggerName", "service",
            "service.name", "component", "module", "name", "app", "caller", "source");

    private JsonLines() {
    }

    static LineFields parse(String line, YearGuess years) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        String message = text(root, MESSAGE);
        return new LineFields(time(text(root, TIME), years), level(value(root, LEVEL)),
                text(root, COMPONENT), message != null ? message : line);
    }

    /** A level word, or a number as pino and bunyan write it; a number in quotes is no level. */
    private static String level(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isNumber() ? Levels.fromNumber(node.doubleValue()) : Levels.normalize(node.asText());
    }

    private static String text(JsonNode root, List<String> names) {
        JsonNode node = value(root, names);
        return node == null ? null : node.asText();
    }

    /** The first of the names present as a value, looking into nested objects for dotted names. */
    private static JsonNode value(JsonNode root, List<String> names) {
        for (String name : names) {
            JsonNode node = root.get(name);
            if (node == null && name.contains(".")) {
                node = root.at("/" + name.replace('.', '/'));
            }
            if (node != null && node.isValueNode() && !node.isNull()) {
                return node;
            }
        }
        return null;
    }

    /** ISO text, or epoch seconds / milliseconds as numbers (told apart by magnitude). */
    private static Instant time(String value, YearGuess years) {
        if (value == null) {
            return null;
        }
        if (value.matches("\\d{9,13}(\\.\\d+)?")) {
            double number = Double.parseDouble(value);
            return number > 1e11 ? Instant.ofEpochMilli((long) number)
                    : Instant.ofEpochSecond((long) number, (long) ((number % 1) * 1e9));
        }
        Timestamps.Found found = Timestamps.at(value, 0, years, true);
        return found == null ? null : found.instant();
    }
}
