package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.missioncontrol.agent.Tool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Describes our tools to the model, translating each tool's JSON Schema into the provider-neutral form. */
final class ToolSpecs {
    private ToolSpecs() {
    }

    static List<ToolSpecification> of(Collection<Tool> tools) {
        return tools.stream().map(t -> ToolSpecification.builder().name(t.name()).description(t.description())
                .parameters(object(t.schema())).build()).toList();
    }

    private static JsonObjectSchema object(JsonNode schema) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        if (schema.hasNonNull("description")) {
            b.description(schema.get("description").asText());
        }
        schema.path("properties").fields().forEachRemaining(p -> b.addProperty(p.getKey(), element(p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required.isEmpty() ? b.build() : b.required(required).build();
    }

    private static JsonSchemaElement element(JsonNode s) {
        String description = s.path("description").asText(null);
        return switch (s.path("type").asText("string")) {
            case "object" -> object(s);
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "array" -> JsonArraySchema.builder().description(description).items(s.has("items")
                    ? element(s.get("items")) : JsonStringSchema.builder().build()).build();
            default -> JsonStringSchema.builder().description(description).build();
        };
    }
}
