package dev.missioncontrol;

import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.BrainChooser;
import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.agent.Dispatcher;
import dev.missioncontrol.agent.Limits;
import dev.missioncontrol.agent.SessionRunner;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.analyst.AnalystBrain;
import dev.missioncontrol.agent.llm.ChatModels;
import dev.missioncontrol.agent.llm.LlmBrain;
import dev.missioncontrol.agent.llm.LlmSettings;
import dev.missioncontrol.agent.llm.ReportReview;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.DeployMonitorBrain;
import dev.missioncontrol.monitor.MonitorSchedule;
import dev.missioncontrol.monitor.VerdictJournal;
import dev.missioncontrol.sessions.JobStore;
import dev.missioncontrol.sessions.JournalStore;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.tools.deploys.DeploymentTools;
import dev.missioncontrol.tools.knowledge.LogTools;
import dev.missioncontrol.tools.time.CurrentTime;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Wires the agent runtime: tools, brains, the journal and the dispatcher. Wiring only. */
final class AgentRuntime implements AutoCloseable {
    private final JournalStore journal;
    private final Dispatcher dispatcher;

    /** What tests replace: the brains, and tools added to the built-in ones. */
    record Agents(BrainChooser brains, List<Tool> extraTools) {
        static Agents builtIn() {
            return new Agents(null, List.of());
        }
    }

    /** What the features give the runtime: their tools, and where the monitor's verdicts go. */
    record Features(DeploymentStore deployments, List<Tool> tools, VerdictJournal.Listener verdicts) {
    }

    AgentRuntime(AppConfig config, Database db, SessionStore sessions, Features features, Agents agents,
            Clock clock) {
        journal = new JournalStore(sessions, clock);
        List<Tool> tools = new ArrayList<>(DeploymentTools.all(features.deployments(), clock));
        tools.add(new CurrentTime(clock));
        tools.addAll(features.tools());
        tools.addAll(LogTools.all(config.dataDir()));
        tools.addAll(agents.extraTools());
        Map<String, Tool> byName = tools.stream().collect(Collectors.toMap(Tool::name, Function.identity(),
                (a, b) -> b));
        var rt = config.runtime();
        BrainChooser brains = agents.brains() != null ? agents.brains()
                : builtInBrains(Monitoring.schedule(rt), config.llm(), byName);
        SessionRunner runner = new SessionRunner(new VerdictJournal(journal, features.verdicts()), byName, brains,
                Limits.defaults(), clock);
        dispatcher = new Dispatcher(new JobStore(db.jdbi(), db.dialect(), clock), runner, nodeId(), rt.concurrency(),
                rt.lease(), rt.poll());
    }

    /** Investigations go to the LLM when one is configured, with the analyst behind it; otherwise to the analyst. */
    private static BrainChooser builtInBrains(MonitorSchedule schedule, AppConfig.Llm llm, Map<String, Tool> tools) {
        Brain analyst = new AnalystBrain();
        Brain investigator = llm.provider() == null || llm.provider().isBlank() ? analyst
                : new ReportReview(new LlmBrain(ChatModels.create(new LlmSettings(llm.provider(), llm.model(),
                        llm.baseUrl(), llm.apiKey(), llm.maxToolCalls(), llm.timeout())), analyst, tools.values(),
                        llm.maxToolCalls(), llm.maxTokens(), llm.rateLimitWaits(), llm.timeout()), tools.values());
        return new Brains(Map.of("deploy_monitor", new DeployMonitorBrain(schedule, tools.keySet())), investigator);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    AgentRuntime start() {
        dispatcher.start();
        return this;
    }

    /** host, pid and a random suffix: unique even for two nodes in one JVM, and readable in the job table. */
    private static String nodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        dispatcher.close();
        journal.close();
    }
}
