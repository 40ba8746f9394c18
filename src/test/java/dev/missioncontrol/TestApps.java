package dev.missioncontrol;

import dev.missioncontrol.agent.BrainChooser;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.config.AppConfig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Starts the real application with brains and tools a test chooses; App keeps that door package-private. */
public final class TestApps {
    private TestApps() {
    }

    public static App start(AppConfig config, BrainChooser brains, List<Tool> tools) {
        return App.start(config, Clock.tickMillis(ZoneOffset.UTC), new AgentRuntime.Agents(brains, tools));
    }
}
