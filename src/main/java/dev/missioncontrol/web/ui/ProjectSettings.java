package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's monitor settings as the form edits them. Stored in projects.settings as
 * {@code {"prometheus_queries": {"<metric>": "<PromQL>"}, "bake_time_minutes": 30}}; the form writes one
 * {@code metric = query} per line.
 */
public record ProjectSettings(String id, String repository, String service, String queriesText, String bakeMinutes) {
    static final int MAX_BAKE_MINUTES = 24 * 60;

    static ProjectSettings of(Project p) {
        JsonNode s = p.settings() == null ? Json.object() : p.settings();
        List<String> lines = new ArrayList<>();
        s.path("prometheus_queries").properties().forEach(e -> lines.add(e.getKey() + " = " + e.getValue().asText()));
        String bake = s.path("bake_time_minutes").isNumber() ? s.path("bake_time_minutes").asText() : "";
        return new ProjectSettings(p.id(), p.repositoryFullName(), p.serviceName(), String.join("\n", lines), bake);
    }

    /** Merges the form into the stored settings, keeping keys this form does not know. */
    static ObjectNode merge(JsonNode stored, String queriesText, String bakeMinutes) {
        ObjectNode out = stored instanceof ObjectNode o ? o.deepCopy() : Json.object();
        ObjectNode queries = out.putObject("prometheus_queries");
        for (String line : (queriesText == null ? "" : queriesText).split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.substring(eq + 1).isBlank()) {
                queries.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("each query line reads metric_name = PromQL; this one does not: "
                        + line.strip());
            }
        }
        if (bakeMinutes == null || bakeMinutes.isBlank()) {
            out.remove("bake_time_minutes");
        } else {
            out.put("bake_time_minutes", bakeMinutes(bakeMinutes.strip()));
        }
        return out;
    }

    private static int bakeMinutes(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= MAX_BAKE_MINUTES) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as an out-of-range number
        }
        throw new IllegalArgumentException("bake time must be a whole number of minutes from 1 to " + MAX_BAKE_MINUTES);
    }
}
