package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tool call's arguments checked against the schema the tool declares, before it runs. Tools read their arguments
 * leniently, so a wrongly typed one ({@code "context_lines": "five"}, {@code "regex": "yes"}) would quietly become
 * its default and the brain would read an answer to a question it did not ask; refused, an LLM reads why and asks
 * again. Only the types and the required arguments are enforced: a number past a schema's bounds is clamped by the
 * tool, which costs the brain no step.
 */
final class ToolArguments {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Set<String> ENFORCED = Set.of("type", "required");
    private static final Map<JsonNode, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ToolArguments() {
    }

    /** Why {@code tool} cannot take {@code args}, or empty when it can. Absent arguments are an empty object. */
    static Optional<String> refusal(Tool tool, JsonNode args) {
        JsonNode given = args == null || args.isMissingNode() || args.isNull() ? Json.object() : args;
        List<String> problems = SCHEMAS.computeIfAbsent(tool.schema(), REGISTRY::getSchema).validate(given).stream()
                .filter(e -> ENFORCED.contains(e.getKeyword())).map(ToolArguments::described).distinct().toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tool.name() + " was not run: " + String.join("; ", problems) + ". It takes "
                + taken(tool.schema()) + ".");
    }

    /** "context_lines: string found, integer expected"; a missing argument's message names it already. */
    private static String described(Error e) {
        String at = String.valueOf(e.getInstanceLocation()).replaceFirst("^/", "");
        if (at.isEmpty()) {
            return e.getKeyword().equals("required") ? e.getMessage() : "arguments: " + e.getMessage();
        }
        return at + ": " + e.getMessage();
    }

    /** "query (string), regex (boolean)": what an LLM needs to ask again. */
    private static String taken(JsonNode schema) {
        List<String> names = schema.path("properties").propertyStream()
                .map(p -> p.getKey() + " (" + p.getValue().path("type").asText("any") + ")").toList();
        return names.isEmpty() ? "no arguments" : String.join(", ", names);
    }
}
