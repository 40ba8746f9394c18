package dev.missioncontrol.agent;

/**
 * Decides the next step from the history alone. A brain keeps no state between calls, so a session resumed on
 * another node after a crash continues exactly where the timeline ends.
 */
public interface Brain {
    Step next(History history);
}
