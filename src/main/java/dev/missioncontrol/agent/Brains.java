package dev.missioncontrol.agent;

import java.util.Map;

/** Chooses a brain by session kind, with a fallback for kinds without their own. */
public final class Brains implements BrainChooser {
    private final Map<String, Brain> byKind;
    private final Brain fallback;

    public Brains(Map<String, Brain> byKind, Brain fallback) {
        this.byKind = Map.copyOf(byKind);
        this.fallback = fallback;
    }

    @Override
    public Brain brainFor(SessionFacts session) {
        return byKind.getOrDefault(session.kind(), fallback);
    }
}
