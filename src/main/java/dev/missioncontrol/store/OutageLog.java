package dev.missioncontrol.store;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * The log of a loop that retries on its own: a database outage is logged once when the loop first meets it and once
 * when the loop next succeeds, without a stack trace; any other failure each time, with its stack trace. Retried every
 * few seconds, an outage logged in full buried a 45-second failover under a thousand lines of the same trace.
 */
public final class OutageLog {
    private final Logger log;
    private final String loop;
    private final AtomicBoolean away = new AtomicBoolean();

    /** @param loop what the loop does, as the log names it ("claiming due sessions") */
    public OutageLog(Logger log, String loop) {
        this.log = log;
        this.loop = loop;
    }

    /** Logs {@code failure}: an outage once, anything else with {@code message} and its stack trace. */
    public void failed(Throwable failure, String message, Object... args) {
        if (DatabaseOutage.is(failure)) {
            if (away.compareAndSet(false, true)) {
                log.warn("{}: the database is out of reach or busy ({}); retrying, quietly until it answers again",
                        loop, failure.toString());
            }
            return;
        }
        Object[] withCause = Arrays.copyOf(args, args.length + 1);
        withCause[args.length] = failure;
        log.warn(message, withCause);
    }

    /** Notes a round that worked, which ends an outage this loop met. */
    public void succeeded() {
        if (away.compareAndSet(true, false)) {
            log.info("{}: the database answers again", loop);
        }
    }
}
