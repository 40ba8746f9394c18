package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.store.WireTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Validates a POST /api/v1/signals/ body: every problem of every sample at once, each with its pointer. */
final class SignalInput {
    static final int MAX_SAMPLES = 10_000;
    static final int MAX_LABELS = 32;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]{0,199}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,99}");
    private static final int MAX_ERRORS = 50;
    /**
     * Epoch seconds this large are past the year 5000, while milliseconds reached it in 1973: such a number is a
     * client sending milliseconds (JavaScript's Date.now()), which is worth saying rather than "in the future".
     */
    private static final double MILLIS_FROM = 1e11;

    private final List<FieldError> errors = new ArrayList<>();
    private final SampleWindow window;
    private final Instant now;

    private SignalInput(SampleWindow window) {
        this.window = window;
        this.now = window.clock().instant();
    }

    static List<Sample> from(JsonNode body, SampleWindow window) {
        JsonNode samples = body.get("samples");
        if (samples == null || samples.isNull()) {
            throw new ValidationException(List.of(FieldError.missing("samples")));
        }
        if (!samples.isArray() || samples.isEmpty()) {
            throw new ValidationException(List.of(FieldError.invalid("samples", "must be a non-empty array")));
        }
        if (samples.size() > MAX_SAMPLES) {
            throw new ValidationException(List.of(new FieldError("/samples", "too_long",
                    "must hold at most " + MAX_SAMPLES + " samples; split the batch")));
        }
        SignalInput in = new SignalInput(window);
        List<Sample> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size() && in.errors.size() < MAX_ERRORS; i++) {
            Sample s = in.sample("/samples/" + i, samples.get(i));
            if (s != null) {
                out.add(s);
            }
        }
        if (!in.errors.isEmpty()) {
            throw new ValidationException(in.errors);
        }
        return out;
    }

    private Sample sample(String at, JsonNode node) {
        if (!node.isObject()) {
            return fail(at, "invalid", "must be an object with name, value, timestamp and labels");
        }
        int before = errors.size();
        String name = name(at + "/name", node.get("name"));
        Double value = value(at + "/value", node.get("value"), name);
        Instant time = timestamp(at + "/timestamp", node.get("timestamp"));
        Map<String, String> labels = labels(at + "/labels", node.get("labels"));
        return errors.size() > before ? null : new Sample(name, value, time, labels);
    }

    private String name(String at, JsonNode v) {
        if (v == null || v.isNull()) {
            return fail(at, "missing", "is required");
        }
        if (!v.isTextual() || !NAME.matcher(v.asText()).matches()) {
            return fail(at, "invalid", "must be a metric name such as http_errors_total (letters, digits, _ and :)");
        }
        return v.asText();
    }

    private Double value(String at, JsonNode v, String name) {
        if (v == null || v.isNull()) {
            return fail(at, "missing", "is required");
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            return fail(at, "invalid", "must be a finite number");
        }
        // a count never goes below zero; taken, a fall to it would read as a reset and a rise from it as a burst
        if (v.asDouble() < 0 && name != null && CounterRates.countsUp(name)) {
            return fail(at, "invalid", "must not be negative: " + name + " is a counter");
        }
        return v.asDouble();
    }

    /** RFC 3339 text, or epoch seconds as Prometheus writes them; absent means now. */
    private Instant timestamp(String at, JsonNode v) {
        Instant t;
        if (v == null || v.isNull()) {
            return now;
        } else if (v.isNumber() && v.asDouble() >= MILLIS_FROM) {
            return fail(at, "invalid", "must be epoch seconds; " + v.asText() + " reads as epoch milliseconds "
                    + "(divide by 1000)");
        } else if (v.isNumber()) {
            t = Instant.ofEpochMilli(Math.round(v.asDouble() * 1000));
        } else if (v.isTextual()) {
            t = WireTime.parse(v.asText()).orElse(null);
            if (t == null) {
                return fail(at, "invalid", "must be an RFC 3339 time such as 2026-01-15T10:30:00Z (an offset of at "
                        + "most 18 hours, at most nine decimals of a second), or epoch seconds");
            }
        } else {
            return fail(at, "invalid", "must be an RFC 3339 time or epoch seconds");
        }
        String refusal = window.refusal(t, now);
        return refusal == null ? t : fail(at, "invalid", refusal);
    }

    private Map<String, String> labels(String at, JsonNode v) {
        Map<String, String> labels = new TreeMap<>();
        if (v == null || v.isNull()) {
            return labels;
        }
        if (!v.isObject() || v.size() > MAX_LABELS) {
            return fail(at, "invalid", "must be an object of at most " + MAX_LABELS + " string labels");
        }
        var fields = v.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String pointer = at + "/" + FieldError.token(f.getKey());
            if (!LABEL.matcher(f.getKey()).matches() || !f.getValue().isTextual()
                    || Validator.longerThan(f.getValue().asText(), 1_000)) {
                return fail(pointer, "invalid", "must be a string of at most 1000 characters, "
                        + "under a name of letters, digits and _");
            }
            if (Validator.holdsNul(f.getValue().asText())) {
                return fail(pointer, "invalid", Validator.NO_NUL);
            }
            labels.put(f.getKey(), f.getValue().asText());
        }
        return labels;
    }

    private <T> T fail(String pointer, String code, String detail) {
        errors.add(new FieldError(pointer, code, detail));
        return null;
    }
}
