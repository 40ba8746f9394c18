package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.Creation;
import dev.missioncontrol.web.HttpProblem;
import dev.missioncontrol.web.QueryParams;
import dev.missioncontrol.web.RequestBody;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The agent-sessions API: the [seed] POST, reads, the timeline, messages and cancel. */
public final class SessionRoutes implements RouteGroup {
    private final SessionService service;
    private final SessionStore store;
    private final Creation creation;
    private final TimelineFeed feed;
    private final long maxSessionBody;
    private final long maxBody;
    private final MaskedContexts contexts = new MaskedContexts();

    public SessionRoutes(SessionService service, SessionStore store, Creation creation, TimelineFeed feed,
            long maxSessionBody, long maxBody) {
        this.service = service;
        this.store = store;
        this.creation = creation;
        this.feed = feed;
        this.maxSessionBody = maxSessionBody;
        this.maxBody = maxBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/agent-sessions", this::create);
        routes.get("/api/v1/agent-sessions", this::list);
        routes.get("/api/v1/agent-sessions/{id}", this::detail);
        routes.get("/api/v1/agent-sessions/{id}/events", this::events);
        routes.post("/api/v1/agent-sessions/{id}/messages", this::message);
        routes.post("/api/v1/agent-sessions/{id}/cancel", this::cancel);
    }

    private void create(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_WRITE);
        JsonNode body = RequestBody.readObject(ctx, maxSessionBody);
        SessionInput input = SessionInput.from(body);
        try {
            creation.run(ctx, p, body, h -> {
                AgentSession s = service.start(h, p.orgId(), input);
                ObjectNode out = Json.object().put("session_id", s.id()).put("status", s.status().wire())
                        .put("created_at", WireTime.format(s.createdAt())).put("url", s.url());
                return new Creation.Response(201, out);
            });
        } catch (SessionQueueFull e) {
            throw new HttpProblem(429, "queue-full", "Too many sessions waiting", e.getMessage(),
                    Map.of("Retry-After", Integer.toString(SessionQueueFull.RETRY_AFTER_SECONDS)));
        }
    }

    private void list(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_READ);
        int limit = QueryParams.limit(ctx, 20, 100);
        var q = new SessionQuery(p.orgId(), statuses(ctx.queryParam("status")), kind(ctx.queryParam("type")),
                QueryParams.time(ctx, "since"), QueryParams.cursor(ctx), limit + 1);
        List<AgentSession> rows = store.list(q);
        List<AgentSession> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? Cursor.after(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id()).encode() : null;
        ObjectNode out = Json.object();
        var results = out.putArray("results");
        page.forEach(s -> results.add(SessionJson.listItem(s)));
        out.put("count", store.count(q)).put("next", next);
        ctx.json(out);
    }

    private void detail(Context ctx) {
        AgentSession s = owned(ctx, Scope.SESSIONS_READ);
        List<SessionEvent> findings = store.eventsOfType(s.id(), "finding");
        ctx.json(SessionJson.detail(s, findings, contexts));
    }

    private void events(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_READ);
        AgentSession s = store.findRow(p.orgId(), QueryParams.id(ctx, "id", "session"))
                .orElseThrow(() -> new NotFoundException("session"));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            feed.stream(ctx, s, ApiAccess.stillValid(ctx));
            return;
        }
        long after = QueryParams.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParams.limit(ctx, 1000, 1000);
        List<SessionEvent> events = store.events(s.id(), after, limit + 1);
        boolean more = events.size() > limit;
        List<SessionEvent> page = more ? events.subList(0, limit) : events;
        ObjectNode out = Json.object();
        var results = out.putArray("results");
        page.forEach(e -> results.add(SessionJson.event(e)));
        out.put("count", page.size()).put("status", s.status().wire());
        // a long bake passes a page's worth of events: a client that reads "next" until it is null has them all
        out.put("next", more ? "/api/v1/agent-sessions/" + s.id() + "/events/?after=" + page.getLast().seq()
                + "&limit=" + limit : null);
        ctx.json(out);
    }

    private void message(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_WRITE);
        String id = QueryParams.id(ctx, "id", "session");
        JsonNode body = RequestBody.readObject(ctx, maxBody);
        JsonNode content = body.get("content");
        if (content == null || !content.isTextual() || Validator.looksBlank(content.asText())) {
            throw new ValidationException(List.of(content == null ? FieldError.missing("content")
                    : FieldError.invalid("content", "must be a non-blank string")));
        }
        if (Validator.longerThan(content.asText(), 20_000)) {
            throw new ValidationException(List.of(FieldError.tooLong("content", 20_000)));
        }
        creation.run(ctx, p, body, h -> {
            SessionEvent e = service.message(h, p.orgId(), id, content.asText(), Sender.of(p));
            return new Creation.Response(202, Json.object().put("session_id", id).put("seq", e.seq())
                    .put("status", "active"));
        });
    }

    private void cancel(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_WRITE);
        String id = QueryParams.id(ctx, "id", "session");
        AgentSession s = service.cancel(p.orgId(), id, Sender.of(p));
        // a key that may only write (a CI job's) learns what it cancelled, not the logs and report read needs
        ctx.json(p.can(Scope.SESSIONS_READ) ? SessionJson.detail(s, store.eventsOfType(s.id(), "finding"), contexts)
                : SessionJson.receipt(s));
    }

    private AgentSession owned(Context ctx, Scope scope) {
        Principal p = ApiAccess.require(ctx, scope);
        String id = QueryParams.id(ctx, "id", "session");
        return store.find(p.orgId(), id).orElseThrow(() -> new NotFoundException("session"));
    }

    static List<SessionStatus> statuses(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return SessionStatus.parse(raw).map(List::of).orElseThrow(() -> QueryParams.invalid("status",
                "must be one of active, completed, failed, cancelled"));
    }

    static SessionKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return SessionKind.parse(raw).orElseThrow(() -> QueryParams.invalid("type",
                "must be one of deploy_monitor, root_cause_analysis, general"));
    }
}
