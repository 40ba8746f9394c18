package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.agent.analyst.AnalystBrain;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.SharedData;
import dev.missioncontrol.tools.knowledge.LogTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Real report texts: the built-in analyst's reports on the shared incident cases, written with the real log tools,
 * and the log tools to check them with. The analyst quotes only lines its tools returned.
 */
final class AnalystReports {
    static final Instant CREATED = Instant.parse("2026-01-01T11:00:00Z");
    static final Map<String, Tool> LOG_TOOLS = LogTools.all(null).stream()
            .collect(Collectors.toMap(Tool::name, Function.identity()));

    private AnalystReports() {
    }

    /** The session of a shared incident case, as its client posted it. */
    static SessionFacts incident(String name) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.dir("incidents").resolve(name)
                .resolve("request.json.gz")))) {
            JsonNode req = Json.MAPPER.readTree(in);
            return facts(req.path("prompt").asText(), (ObjectNode) req.path("context"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionFacts facts(String prompt, ObjectNode context) {
        return new SessionFacts("s-" + prompt.hashCode(), "o1", null, "root_cause_analysis", prompt, context, CREATED);
    }

    /** The session before its report, for the check: the timeline the check reads is the model's, here none. */
    static History before(SessionFacts facts) {
        return new History(facts, List.of(), CREATED);
    }

    /** The analyst's report on the session; list_deployments answers that there are none. */
    static String write(SessionFacts facts) {
        List<Entry> timeline = new ArrayList<>();
        AnalystBrain analyst = new AnalystBrain();
        for (int i = 0; i < 60; i++) {
            Step step = analyst.next(new History(facts, List.copyOf(timeline), CREATED));
            switch (step) {
                case Step.CallTool c -> {
                    timeline.add(new Entry(timeline.size() + 1, "tool_call", "", Json.object().put("tool", c.tool())
                            .set("args", c.args()), CREATED));
                    Tool tool = LOG_TOOLS.get(c.tool());
                    ToolResult r = tool == null ? ToolResult.noData("none") : tool.run(c.args(), facts);
                    ObjectNode d = Json.object().put("tool", c.tool()).put("call_seq", timeline.size())
                            .put("status", r.status().wire());
                    d.set("data", r.data());
                    timeline.add(new Entry(timeline.size() + 1, "tool_result", r.summary(), d, CREATED));
                }
                case Step.Note n -> timeline.add(new Entry(timeline.size() + 1, n.kind().eventType(), n.text(),
                        n.data(), CREATED));
                case Step.Finish f -> {
                    return f.report().markdown();
                }
                default -> throw new AssertionError("unexpected " + step);
            }
        }
        throw new AssertionError("the analyst did not finish");
    }
}
