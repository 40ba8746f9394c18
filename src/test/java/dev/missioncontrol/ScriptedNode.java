package dev.missioncontrol;

import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.PauseTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.Scripts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A whole server process whose brain is scripted, for the tests that kill or cluster real processes.
 * Arguments: dataDir databaseUrl|- steps pauseMillis leaseSeconds.
 */
public final class ScriptedNode {
    private ScriptedNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[1].equals("-") ? null : args[1];
        AppConfig config = AppConfig.forDatabase(Path.of(args[0]), url);
        config = config.withRuntime(config.runtime().withLease(Duration.ofSeconds(Long.parseLong(args[4])))
                .withConcurrency(16));
        var brain = new ScriptedBrain(Scripts.pauses(Integer.parseInt(args[2])));
        var agents = new AgentRuntime.Agents(new Brains(Map.of(), brain),
                List.of(new PauseTool(Long.parseLong(args[3]))));
        App app = App.start(config, Clock.systemUTC(), agents);
        System.out.println("READY " + app.port() + " " + ProcessHandle.current().pid());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
