package dev.missioncontrol;

import dev.missioncontrol.agent.BrainChooser;
import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.agent.Dispatcher;
import dev.missioncontrol.agent.Limits;
import dev.missioncontrol.agent.SessionRunner;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.analyst.AnalystBrain;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.RecordDeploymentBrain;
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

    AgentRuntime(AppConfig config, Database db, SessionStore sessions, DeploymentStore deployments, Agents agents,
            Clock clock) {
        journal = new JournalStore(sessions, clock);
        List<Tool> tools = new ArrayList<>(DeploymentTools.all(deployments, clock));
        tools.add(new CurrentTime(clock));
        tools.addAll(LogTools.all(config.dataDir()));
        tools.addAll(agents.extraTools());
        Map<String, Tool> byName = tools.stream().collect(Collectors.toMap(Tool::name, Function.identity(),
                (a, b) -> b));
        BrainChooser brains = agents.brains() != null ? agents.brains() : builtInBrains();
        SessionRunner runner = new SessionRunner(journal, byName, brains, Limits.defaults(), clock);
        var rt = config.runtime();
        dispatcher = new Dispatcher(new JobStore(db.jdbi(), db.dialect(), clock), runner, nodeId(), rt.concurrency(),
                rt.lease(), rt.poll());
    }

    private static BrainChooser builtInBrains() {
        return new Brains(Map.of("deploy_monitor", new RecordDeploymentBrain()), new AnalystBrain());
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
