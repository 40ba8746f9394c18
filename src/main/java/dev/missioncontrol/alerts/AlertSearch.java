package dev.missioncontrol.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the alerts in a context by their shape, not by a key's name: people paste them under {@code alert},
 * {@code alerts}, {@code payload} or {@code incident.alertmanager}. Every bound keeps a context of pasted logs cheap to
 * look through: the walk goes {@value #MAX_DEPTH} levels deep, looks at the first {@value #MAX_PROBED} elements of an
 * array that holds no alerts and the first {@value #MAX_FIELDS} fields of an object, and parses a JSON string only up
 * to {@value #MAX_JSON_TEXT} characters.
 */
final class AlertSearch {
    /** Prometheus's answer pasted under a key has its alerts three levels down: {@code context.alert.data.alerts}. */
    static final int MAX_DEPTH = 3;
    /** Alerts read in full; beyond them they are only counted, so a storm of thousands costs no more than this. */
    static final int MAX_READ = 200;
    static final int MAX_PROBED = 20;
    static final int MAX_FIELDS = 100;
    /** A webhook body of a few hundred alerts; a longer text is a log, not an alert pasted as a string. */
    static final int MAX_JSON_TEXT = 1 << 20;
    /**
     * JSON text parsed in one search, all strings together: the search runs at every step of the analyst, and a
     * context of sixty JSON strings of a megabyte each would otherwise be parsed sixty times a step.
     */
    static final int MAX_PARSED = 4 << 20;
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Each alert once, by name, labels and start: the same webhook pasted as an object and as text counts once. */
    private record Identity(String name, Map<String, String> labels, Instant start) {
    }

    private final Map<Identity, Alert> read = new LinkedHashMap<>();
    private final Set<String> places = new LinkedHashSet<>();
    private int unread;
    private int parseBudget = MAX_PARSED;

    private AlertSearch() {
    }

    static PastedAlerts in(JsonNode context) {
        if (context == null || !context.isObject()) {
            return PastedAlerts.NONE;
        }
        AlertSearch search = new AlertSearch();
        search.visit(context, "context", 0);
        return search.read.isEmpty() ? PastedAlerts.NONE : new PastedAlerts(List.copyOf(search.read.values()),
                search.read.size() + search.unread, List.copyOf(search.places));
    }

    private void visit(JsonNode n, String path, int depth) {
        if (n.isTextual() && depth > 0) {
            parsed(n.textValue()).ifPresent(p -> visit(p, path, depth));
        } else if (n.isObject()) {
            visitObject(n, path, depth);
        } else if (n.isArray()) {
            visitArray(n, path, depth);
        }
    }

    private void visitObject(JsonNode n, String path, int depth) {
        if (Alert.is(n)) {
            add(n, path);
            return;
        }
        if (depth < MAX_DEPTH) {
            n.properties().stream().limit(MAX_FIELDS).forEach(f -> visit(f.getValue(), path + "." + f.getKey(),
                    depth + 1));
        }
    }

    /** An array with an alert among its first elements is a list of alerts; any other is looked into. */
    private void visitArray(JsonNode n, String path, int depth) {
        List<JsonNode> probed = new ArrayList<>();
        for (Iterator<JsonNode> it = n.elements(); it.hasNext() && probed.size() < MAX_PROBED; ) {
            probed.add(it.next());
        }
        if (probed.stream().anyMatch(Alert::is)) {
            n.forEach(e -> {
                if (Alert.is(e)) {
                    add(e, path);
                }
            });
        } else if (depth < MAX_DEPTH) {
            for (int i = 0; i < probed.size(); i++) {
                visit(probed.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    private void add(JsonNode n, String path) {
        places.add(path);
        if (read.size() >= MAX_READ) {
            unread++;
            return;
        }
        Alert a = Alert.from(n);
        read.putIfAbsent(new Identity(a.name(), a.labels(), a.start()), a);
    }

    /**
     * The text as JSON when it is one object or array, as a pasted webhook body is; empty for any other text. The
     * length is checked before anything is copied: the logs beside the alert may be tens of megabytes, read at every
     * step of the analyst.
     */
    private Optional<JsonNode> parsed(String text) {
        if (text.length() > MAX_JSON_TEXT || text.length() > parseBudget) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return Optional.empty();
        }
        parseBudget -= t.length();
        try {
            return Optional.of(STRICT.readTree(t));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a log line or a fragment, not a pasted alert
        }
    }
}
