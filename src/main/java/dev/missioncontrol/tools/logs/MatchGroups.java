package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.LogRecord;
import dev.missioncontrol.logs.TemplateMiner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Search hits grouped by template, so "415 lines contain 'query failed'" reads as the two distinct failures
 * behind them. Mining stops after {@link #MAX_MINED} hits; later hits are only counted in the total.
 */
final class MatchGroups {
    static final int MAX_MINED = 50_000;

    /** One group: how many hits, and the first one as the example, with its text as shown (redacted). */
    record Group(int id, long count, String source, LogRecord first, String shown) {
    }

    private final TemplateMiner miner = new TemplateMiner();
    private final List<long[]> counts = new ArrayList<>();
    private final List<Group> firsts = new ArrayList<>();
    private long mined;

    /** @param shown the hit's line redacted among its neighbours, asked for only when it starts a group */
    void add(String source, LogRecord hit, Supplier<String> shown) {
        if (mined++ >= MAX_MINED) {
            return;
        }
        int id = miner.add(hit.message(), hit.isError() || hit.isWarning()); // as the log digest mines them
        if (id > firsts.size()) {
            firsts.add(new Group(id, 0, source, hit, shown.get()));
            counts.add(new long[1]);
        }
        counts.get(id - 1)[0]++;
    }

    /** Largest groups first. */
    List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            Group g = firsts.get(i);
            out.add(new Group(g.id(), counts.get(i)[0], g.source(), g.first(), g.shown()));
        }
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }

    String template(int id) {
        return miner.template(id).text();
    }
}
