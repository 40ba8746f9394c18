package dev.missioncontrol.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/** Structured logs written one JSON object per line, with the field names common loggers use. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "ts", "time", "t", "datetime", "date");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "loglevel", "levelname", "log.level");
    private static final List<String> MESSAGE = List.of("msg", "message", "@message", "text", "event", "log");
    /**
     * Where structured loggers put what went wrong beside the message: zap's and logrus's {@code error}, pino's
     * {@code err.message}, structlog's {@code exception}. "query failed" alone would lump a refused connection and a
     * deadlock into one finding.
     */
    private static final List<String> ERROR = List.of("error", "err", "error.message", "err.message", "exception",
            "error.type");
    private static final List<String> COMPONENT = List.of("logger", "logger_name", "loggerName", "service",
            "service.name", "component", "module", "name", "app", "caller", "source");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}(\\.\\d+)?");
    private static final BigDecimal EPOCH_MIN = new BigDecimal("1e8");
    private static final BigDecimal EPOCH_MAX = new BigDecimal("1e13");
    private static final BigDecimal MILLIS_FROM = new BigDecimal("1e11");

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
        message = message == null ? null : message.stripTrailing(); // Docker's json-file keeps the line's newline
        String error = text(root, ERROR);
        LineFields record = LineFields.at(time(value(root, TIME), years), level(value(root, LEVEL)),
                text(root, COMPONENT), message != null ? withError(message, error) : line);
        return record.level() == null && message != null ? wrapping(record, message, error, years) : record;
    }

    /**
     * A record without a level may only wrap a program's line, as Docker's json-file driver writes one
     * ({@code {"log":"2026-11-30 13:16:00 ERROR [main] c.a.Pay - card declined\n","stream":"stderr"}}) and log
     * shippers forward it: the line's own header then names the level, and the logger where the record names none.
     * The record's time, where it has one, is kept: the shipper's clock names its zone.
     */
    private static LineFields wrapping(LineFields record, String line, String error, YearGuess years) {
        LineFields program = new HeaderDetector(years).detect(line.strip());
        if (program.level() == null) {
            return record;
        }
        boolean timed = record.timestamp() != null;
        return new LineFields(timed ? record.timestamp() : program.timestamp(), program.level(),
                record.component() != null ? record.component() : program.component(),
                withError(program.message(), error), timed ? record.zoneAssumed() : program.zoneAssumed(),
                timed ? record.zone() : program.zone());
    }

    /**
     * "query failed: dial tcp 10.0.0.5:5432: connection refused": the message, then the error's own line unless the
     * message already says it. Of a traceback, the last line names the exception.
     */
    private static String withError(String message, String error) {
        if (error == null || error.isBlank()) {
            return message;
        }
        List<String> lines = error.strip().lines().filter(l -> !l.isBlank()).toList();
        String said = (lines.getFirst().startsWith("Traceback") ? lines.getLast() : lines.getFirst()).strip();
        return message.contains(said) ? message : message + ": " + said;
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

    /** ISO text, or epoch seconds / milliseconds (which need no zone) as a number or as digits in quotes. */
    private static Timestamps.Found time(JsonNode value, YearGuess years) {
        if (value == null) {
            return null;
        }
        String text = value.asText();
        Instant epoch = value.isNumber() ? epoch(value.decimalValue())
                : EPOCH.matcher(text).matches() ? epoch(new BigDecimal(text)) : null;
        if (epoch != null) {
            return new Timestamps.Found(epoch, text.length(), ZoneOffset.UTC); // absolute: as if it named UTC
        }
        return Timestamps.at(text, 0, years, true);
    }

    /**
     * Seconds or milliseconds since 1970, told apart by magnitude, with 9 to 13 digits before the point. The number is
     * read as a decimal: a float's text ({@code 1.795975471338E9}, as zap's {@code ts} prints) would fail a digit
     * pattern, and binary arithmetic would turn .338 into .338000059.
     */
    private static Instant epoch(BigDecimal number) {
        if (number.compareTo(EPOCH_MIN) < 0 || number.compareTo(EPOCH_MAX) >= 0) {
            return null;
        }
        BigDecimal seconds = number.compareTo(MILLIS_FROM) > 0 ? number.movePointLeft(3) : number;
        long nanos = seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds.longValue(), nanos);
    }
}
