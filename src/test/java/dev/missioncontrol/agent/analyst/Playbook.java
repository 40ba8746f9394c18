package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.knowledge.LogTools;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyst's playbook run against the real log tools in memory, with the timeline kept in a list: the report,
 * then follow-up questions. list_deployments is answered with what the test gives, since there is no database.
 */
final class Playbook {
    final List<Entry> timeline = new ArrayList<>();
    private final Map<String, Tool> tools = new HashMap<>();
    private final AnalystBrain brain = new AnalystBrain();
    private ToolResult deployments = ToolResult.noData("none");

    Playbook() {
        LogTools.all(null).forEach(t -> tools.put(t.name(), t));
    }

    static SessionFacts facts(String prompt, String logs) {
        return facts(prompt, Json.object().put("logs", logs));
    }

    static SessionFacts facts(String prompt, ObjectNode context) {
        return facts(prompt, context, Instant.parse("2026-01-01T11:00:00Z"));
    }

    static SessionFacts facts(String prompt, ObjectNode context, Instant asked) {
        return new SessionFacts("s-" + prompt.hashCode(), "o", null, "root_cause_analysis", prompt, context, asked);
    }

    /** Runs the brain until it finishes; answers list_deployments with nothing. */
    Step.Finish run(SessionFacts facts) {
        return run(facts, ToolResult.noData("none"));
    }

    /** Runs the brain until it finishes, answering list_deployments with {@code listed}. */
    Step.Finish run(SessionFacts facts, ToolResult listed) {
        deployments = listed;
        for (int i = 0; i < 40; i++) {
            Step step = next(facts);
            switch (step) {
                case Step.CallTool c -> perform(facts, c);
                case Step.Note n -> append(n.kind().eventType(), n.data());
                case Step.Finish f -> {
                    return f;
                }
                default -> throw new AssertionError("unexpected " + step);
            }
        }
        throw new AssertionError("the playbook did not finish");
    }

    Step next(SessionFacts facts) {
        return brain.next(new History(facts, List.copyOf(timeline), Instant.now()));
    }

    /** Records the call and the tool's result on the timeline. */
    void perform(SessionFacts facts, Step.CallTool c) {
        long seq = append("tool_call", Json.object().put("tool", c.tool()).set("args", c.args()));
        ToolResult r = c.tool().equals("list_deployments") ? listed(c.args())
                : tools.get(c.tool()).run(c.args(), facts);
        var d = Json.object().put("tool", c.tool()).put("call_seq", seq).put("status", r.status().wire());
        d.set("data", r.data());
        append("tool_result", d);
    }

    /** The deployments given, narrowed to a repository as the real tool narrows them when the call names one. */
    private ToolResult listed(JsonNode args) {
        String repository = args.path("repository").asText(null);
        if (repository == null || !deployments.data().isArray()) {
            return deployments;
        }
        ArrayNode of = Json.MAPPER.createArrayNode();
        deployments.data().forEach(d -> {
            if (repository.equals(d.path("repository_full_name").asText())) {
                of.add(d);
            }
        });
        return ToolResult.ok(of.size() + " deployments", of);
    }

    long append(String type, JsonNode data) {
        long seq = timeline.size() + 1;
        timeline.add(new Entry(seq, type, "", data, Instant.now()));
        return seq;
    }

    /** Appends the person's question, as the messages route does after the report. */
    void say(String question) {
        timeline.add(new Entry(timeline.size() + 1, "message", question,
                Json.object().put("role", "user").put("content", question), Instant.now()));
    }

    /** Asks a question after the report and runs the tools the brain wants until it answers. */
    String ask(SessionFacts facts, String question) {
        if (timeline.stream().noneMatch(e -> e.is("report"))) {
            append("report", Json.object());
        }
        say(question);
        for (int i = 0; i < 5; i++) {
            Step step = next(facts);
            if (step instanceof Step.Say s) {
                timeline.add(new Entry(timeline.size() + 1, "message", s.text(),
                        Json.object().put("role", "agent").put("content", s.text()), Instant.now()));
                return s.text();
            }
            perform(facts, (Step.CallTool) step);
        }
        throw new AssertionError("no answer to " + question);
    }

    List<String> calls() {
        return timeline.stream().filter(e -> e.is("tool_call")).map(e -> e.data().path("tool").asText()).toList();
    }
}
