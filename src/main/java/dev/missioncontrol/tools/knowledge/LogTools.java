package dev.missioncontrol.tools.knowledge;

import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.tools.logs.AnalyzeLogs;
import dev.missioncontrol.tools.logs.MinedLogs;
import dev.missioncontrol.tools.logs.SearchLogs;
import java.nio.file.Path;
import java.util.List;

/** The log tools and the known-issue matcher, sharing one cache of mined logs. */
public final class LogTools {
    /** Mined sessions kept in memory; each holds per-template aggregates, not the log. */
    static final int CACHED_SESSIONS = 8;

    private LogTools() {
    }

    public static List<Tool> all(Path dataDir) {
        MinedLogs mined = new MinedLogs(CACHED_SESSIONS);
        return List.of(new AnalyzeLogs(mined), new SearchLogs(), new MatchKnownIssues(mined, KnownIssues.load(dataDir)));
    }
}
