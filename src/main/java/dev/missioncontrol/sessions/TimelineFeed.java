package dev.missioncontrol.sessions;

import dev.missioncontrol.store.DatabaseOutage;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.web.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Streams a session's timeline as server-sent events: {@code id} is the seq, {@code event} the type. A client resumes
 * from Last-Event-ID with no gap and no duplicate, because every send is read from the database in seq order after
 * the last id sent. Once the session has ended and every event is sent, the stream says so in a last {@code end} event
 * and closes; a message that reopens the session is followed on a new stream.
 */
public final class TimelineFeed {
    private static final long POLL_MS = 1_000;
    /**
     * How often a stream asks whether its credential still holds: a revoked key, an ended login or a removed user
     * stops receiving the timeline within this long, as a new request would be refused at once.
     */
    static final long RECHECK_MS = 5_000;
    private static final Pattern SEQ = Pattern.compile("[0-9]{1,18}");
    /**
     * The reconnection delay asked for as an ended session's stream closes: a day. An EventSource reconnects by itself
     * when a stream closes, and would only be told again that the session ended; the session page closes its
     * EventSource on the end event instead, and follows a reopened session on a new one.
     */
    static final long RETRY_AFTER_END_MS = 86_400_000;

    private final SessionStore store;
    private final TimelineBus bus;
    /** Proxies drop idle connections; a comment line this often keeps the stream open through them. */
    private final long keepAliveMs;
    private final Set<SseClient> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public TimelineFeed(SessionStore store, TimelineBus bus, java.time.Duration keepAlive) {
        this.store = store;
        this.bus = bus;
        this.keepAliveMs = keepAlive.toMillis();
    }

    /**
     * Streams until the session has ended and every event is sent, the client goes, the server stops, or
     * {@code stillAllowed} says the caller's credential no longer holds.
     */
    public void stream(Context ctx, AgentSession session, BooleanSupplier stillAllowed) {
        long resumeAfter = resumePoint(ctx);
        new SseHandler(client -> follow(client, session, resumeAfter, stillAllowed)).handle(ctx);
    }

    /**
     * Closes every stream before the server stops; a send after the server stops would otherwise spin forever on a
     * recycled response.
     */
    public void closeAll() {
        stopping = true;
        open.forEach(SseClient::close);
        open.clear();
    }

    private void follow(SseClient client, AgentSession session, long after, BooleanSupplier stillAllowed) {
        String sessionId = session.id();
        Semaphore woken = new Semaphore(0);
        open.add(client);
        try (AutoCloseable ignored = bus.listen(sessionId, woken::release)) {
            long last = after;
            long quietSince = System.currentTimeMillis();
            Recheck allowed = new Recheck(stillAllowed);
            // a session ends with an event, so whether it ended is asked only once all sent before it went out
            boolean mayHaveEnded = true;
            // once the credential no longer holds, the finally block ends the stream; a reconnect then gets 401
            while (!stopping && !client.terminated() && allowed.holds()) {
                long sent = sendNewUnlessAway(client, sessionId, last);
                if (sent > last) {
                    last = sent;
                    quietSince = System.currentTimeMillis();
                    mayHaveEnded = true;
                    continue;
                }
                if (mayHaveEnded) {
                    Ending ending = endIfOver(client, session, last);
                    if (ending == Ending.ENDED) {
                        break;
                    }
                    mayHaveEnded = ending == Ending.UNKNOWN;
                }
                quietSince = keepAlive(client, quietSince);
                // woken, the session wrote something: perhaps its ending, though the client asked to resume past it
                mayHaveEnded |= woken.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS);
                woken.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the client went away; nothing to clean up beyond the finally block
        } finally {
            open.remove(client);
            client.close();
        }
    }

    /** Sends a keep-alive comment if the stream has been quiet that long; answers when the client last heard of it. */
    private long keepAlive(SseClient client, long quietSince) {
        if (System.currentTimeMillis() - quietSince < keepAliveMs) {
            return quietSince;
        }
        client.sendComment("keep-alive");
        return System.currentTimeMillis();
    }

    /** Asks whether a stream's credential still holds, at most every {@value #RECHECK_MS} ms. */
    private static final class Recheck {
        private final BooleanSupplier stillAllowed;
        private long checkedAt = System.currentTimeMillis();

        Recheck(BooleanSupplier stillAllowed) {
            this.stillAllowed = stillAllowed;
        }

        boolean holds() {
            if (System.currentTimeMillis() - checkedAt < RECHECK_MS) {
                return true;
            }
            checkedAt = System.currentTimeMillis();
            try {
                return stillAllowed.getAsBoolean();
            } catch (RuntimeException e) {
                // with the database away nothing is sent either; the credential is asked again once it answers
                if (DatabaseOutage.is(e)) {
                    return true;
                }
                throw e;
            }
        }
    }

    /** Whether a stream's session has ended with every event sent; unknown while the database is away. */
    private enum Ending { RUNS, ENDED, UNKNOWN }

    /**
     * Ends the stream if the session has ended and no event after {@code last} is left to send. The status is read
     * before the events: a session's ending commits with its last event, so an ending seen here cannot hide an event
     * not yet sent.
     */
    private Ending endIfOver(SseClient client, AgentSession session, long last) throws IOException {
        Optional<SessionStatus> ended;
        try {
            ended = store.findRow(session.orgId(), session.id()).map(AgentSession::status)
                    .filter(SessionStatus::ended).filter(s -> store.events(session.id(), last, 1).isEmpty());
        } catch (RuntimeException e) {
            if (DatabaseOutage.is(e)) {
                return Ending.UNKNOWN;
            }
            throw e;
        }
        if (ended.isEmpty()) {
            return Ending.RUNS;
        }
        sayEnded(client, ended.get(), last);
        return Ending.ENDED;
    }

    /**
     * The last frame: an {@code end} event with the session's status and the last seq, and a long {@code retry}, so
     * that a client reconnecting by itself (as EventSource does) waits rather than asks again at once. Written whole,
     * since Javalin's client has no way to send {@code retry}.
     */
    private static void sayEnded(SseClient client, SessionStatus status, long last) throws IOException {
        String data = Json.write(Json.object().put("status", status.wire()).put("last_seq", last));
        client.ctx().res().getOutputStream().print("retry: " + RETRY_AFTER_END_MS + "\nevent: end\ndata: " + data
                + "\n\n");
        client.ctx().res().flushBuffer();
    }

    /**
     * As {@link #sendNew}, sending nothing while the database is out of reach: the stream stays open through the
     * outage and goes on after it. Ended, it would be reopened into a 503, and a browser's EventSource gives up for
     * good on an answer other than 200.
     */
    private long sendNewUnlessAway(SseClient client, String sessionId, long last) {
        try {
            return sendNew(client, sessionId, last);
        } catch (RuntimeException e) {
            if (DatabaseOutage.is(e)) {
                return last;
            }
            throw e;
        }
    }

    /** Sends the events after {@code last}; returns the seq of the last one sent. */
    private long sendNew(SseClient client, String sessionId, long last) {
        List<SessionEvent> events = store.events(sessionId, last, 500);
        for (SessionEvent e : events) {
            if (stopping || client.terminated()) {
                break;
            }
            client.sendEvent(e.type(), Json.write(SessionJson.event(e)), Long.toString(e.seq()));
            last = e.seq();
        }
        return last;
    }

    /**
     * Where the stream starts: after the seq in Last-Event-ID, else after {@code after}. A bad {@code after} is
     * refused as in JSON mode, since a client chose it. A Last-Event-ID that is not a seq is passed over instead:
     * browsers send it by themselves when they reconnect, and an EventSource answered with an error gives up for good
     * rather than reconnecting. This server only ever sends seqs as ids, so such a header came from elsewhere (a
     * proxy, another stream); resuming from {@code after}, or from the start, only repeats events whose ids say so.
     */
    private static long resumePoint(Context ctx) {
        long after = QueryParams.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        String header = ctx.header("Last-Event-ID");
        return header != null && SEQ.matcher(header.strip()).matches() ? Long.parseLong(header.strip()) : after;
    }
}
