package dev.missioncontrol.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that record a hint, such as when a key or a login was last used, which the request does not depend on.
 * Such a write meeting a database outage (a full disk, the file locked by another process) is skipped, and the
 * request it came with goes on: a key's "last used" time failing to update must not turn every read into a 503
 * while reads still work. It is tried again with the next request.
 */
public final class BestEffort {
    private static final Logger LOG = LoggerFactory.getLogger(BestEffort.class);

    private BestEffort() {
    }

    /** Runs {@code write}, skipping it (with one line in the log) when the database cannot take it now. */
    public static void write(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            LOG.info("skipped recording {}: the database cannot take writes now ({})", what, e.getMessage());
        }
    }
}
