package dev.missioncontrol.sessions;

import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Starting sessions, talking to them and cancelling them. */
public final class SessionService {
    /** In a reopening's status event: the status the session had ended with. */
    public static final String REOPENED_FROM = "reopened_from";
    /** In the status event that says a service name was shared by several projects: their repositories. */
    public static final String SERVICE_SHARED_BY = "service_shared_by";
    static final String REOPENED = "Session reopened by a new message";
    private final SessionStore store;
    private final Clock clock;
    private final int maxWaiting;
    private final Reopening reopening;

    public SessionService(SessionStore store, Clock clock) {
        this(store, clock, Integer.MAX_VALUE, Reopening.NOTHING);
    }

    /**
     * @param maxWaiting investigations an organization may have waiting for a worker before new ones are refused
     * @param reopening  what must hold still when a question reopens an ended session
     */
    public SessionService(SessionStore store, Clock clock, int maxWaiting, Reopening reopening) {
        this.store = store;
        this.clock = clock;
        this.maxWaiting = maxWaiting;
        this.reopening = reopening;
    }

    /**
     * Creates an investigation in the caller's transaction; its first event commits with it.
     *
     * @throws SessionQueueFull when the organization has {@code maxWaiting} investigations waiting for a worker
     */
    public AgentSession start(Handle h, String orgId, SessionInput in) {
        long waiting = store.waitingInvestigations(h, orgId, clock.instant());
        if (waiting >= maxWaiting) {
            throw new SessionQueueFull(waiting, maxWaiting);
        }
        NamedProject named = NamedProject.in(h, orgId, in.context());
        Instant now = clock.instant();
        String id = store.insert(h, new NewSession(orgId, named.project().map(Project::id).orElse(null), in.kind(),
                in.title(), in.prompt(), in.context()), now);
        named.sharedNote().ifPresent(note -> store.append(h, id, "status", note, named.sharedData(), now));
        return store.find(h, orgId, id).orElseThrow();
    }

    /**
     * Appends a user message, signed by who sent it, and wakes the session, reopening it if it had ended. The
     * reopening names the status it ended with, so that a cancelled session, once the question is answered, ends
     * cancelled again (see JournalStore) rather than "completed", which would hide that someone stopped it.
     */
    public SessionEvent message(String orgId, String sessionId, String content, Sender from) {
        return store.jdbi().inTransaction(h -> message(h, orgId, sessionId, content, from));
    }

    /** {@link #message(String, String, String, Sender)} in the caller's transaction (with its idempotency record). */
    public SessionEvent message(Handle h, String orgId, String sessionId, String content, Sender from) {
        AgentSession s = store.findRowToChange(h, orgId, sessionId)
                .orElseThrow(() -> new NotFoundException("session"));
        Instant now = clock.instant();
        if (s.status().ended()) {
            reopening.settle(h, s);
            store.reopen(h, s.id(), now);
            store.append(h, s.id(), "status", REOPENED, Json.object()
                    .put("status", "active").put(REOPENED_FROM, s.status().wire()), now);
        }
        SessionEvent e = store.append(h, s.id(), "message", content, from.messageData(content), now);
        store.wake(h, s.id(), now);
        return e;
    }

    /**
     * Cancels an active session, saying who did; the worker stops before its next step. Ended sessions are left as
     * they are. A deploy monitor stopped in the middle of an incident is a question for the team: the timeline names
     * the person or key, as it names a message's sender.
     */
    public AgentSession cancel(String orgId, String sessionId, Sender by) {
        return store.jdbi().inTransaction(h -> {
            AgentSession s = store.findRowToChange(h, orgId, sessionId)
                    .orElseThrow(() -> new NotFoundException("session"));
            if (s.status().ended()) {
                return store.find(h, orgId, sessionId).orElseThrow(); // answered whole, as GET answers it
            }
            Instant now = clock.instant();
            store.finish(h, s.id(), SessionStatus.CANCELLED, now);
            store.append(h, s.id(), "status", "Session cancelled by " + by.name(),
                    by.signed(Json.object().put("status", "cancelled")), now);
            return store.find(h, orgId, sessionId).orElseThrow();
        });
    }
}
