package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something a brain can call. Every tool is read-only, so running one again after a crash is safe, and none fetches
 * an arbitrary URL.
 */
public interface Tool {
    String name();

    /** One sentence for the brain (and for an LLM's tool list). */
    String description();

    /** JSON Schema of the arguments. */
    JsonNode schema();

    ToolResult run(JsonNode args, SessionFacts session);
}
