package dev.missioncontrol.tools.logs;

import dev.missioncontrol.agent.SessionFacts;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mined sources of recent sessions, kept in memory so that analyze_logs, search_logs and match_known_issues
 * called one after another mine a 50 MB log once. Bounded by entry count; each entry is bounded by the number of
 * templates, not by the size of the log. A miss (another node, a restart) just mines again.
 */
public final class MinedLogs {
    private final int capacity;
    private final Map<String, List<MinedSource>> recent;

    public MinedLogs(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<MinedSource>> eldest) {
                return size() > MinedLogs.this.capacity;
            }
        };
    }

    public List<MinedSource> of(SessionFacts session, LogFilter filter) {
        String key = session.sessionId() + "|" + filter.key();
        synchronized (recent) {
            List<MinedSource> hit = recent.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // mined outside the lock: another session's analysis need not wait for this one
        List<MinedSource> mined = new ArrayList<>();
        List<LogSource> sources = LogSource.in(session.context());
        Map<String, ZoneOffset> zones = SourceZones.of(sources, session.createdAt());
        for (LogSource source : sources) {
            mined.add(SourceMiner.mine(source, filter, session.createdAt(),
                    zones.getOrDefault(source.name(), ZoneOffset.UTC)));
        }
        List<MinedSource> result = List.copyOf(mined);
        synchronized (recent) {
            recent.put(key, result);
        }
        return result;
    }
}
