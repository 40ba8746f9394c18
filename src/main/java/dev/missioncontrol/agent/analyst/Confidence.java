package dev.missioncontrol.agent.analyst;

import java.util.Locale;

/** How sure a hypothesis is, as the report states it. */
enum Confidence {
    HIGH, MEDIUM, LOW;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
