package dev.missioncontrol.agent.analyst;

import java.time.Instant;
import java.util.List;

/** A candidate cause with how sure the analyst is, what speaks for and against it, and what to do about it. */
record Hypothesis(Kind kind, String title, Confidence confidence, String supports, String weakens, String action,
                  List<Quote> evidence, Instant since) {

    /** What the hypothesis blames: a change, a known failure mechanism, the earliest failure, or a resource. */
    enum Kind { DEPLOYMENT, SIGNATURE, FIRST_FAILURE, TREND }
}
