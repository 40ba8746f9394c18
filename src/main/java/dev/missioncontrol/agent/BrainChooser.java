package dev.missioncontrol.agent;

/** Picks the brain for a session from its kind and the configuration. */
public interface BrainChooser {
    Brain brainFor(SessionFacts session);
}
