package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict's {@code state}, as API.md spells it. */
public enum VerdictState {
    HEALTHY, MARGINAL, DEGRADED,
    /** The deploy itself failed; set by the monitor, never by comparing metrics. */
    FAILED,
    /** Every metric lacked data, so nothing can be said yet. */
    INCONCLUSIVE,
    /** No check has run yet. */
    PENDING;

    /**
     * Whether a verdict in the state of this wire word is posted to the organization's webhooks: the deploy hurt the
     * service, or failed.
     */
    public static boolean alerts(String wire) {
        return DEGRADED.wireName().equals(wire) || FAILED.wireName().equals(wire);
    }

    /** Whether a verdict in the state of this wire word judged the deploy and raised no alert: healthy or marginal. */
    public static boolean passes(String wire) {
        return HEALTHY.wireName().equals(wire) || MARGINAL.wireName().equals(wire);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
