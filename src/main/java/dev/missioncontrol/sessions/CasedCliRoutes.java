package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.HttpProblem;
import dev.missioncontrol.web.QueryParams;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The two read endpoints the official Cased CLI calls, in exactly the shapes it parses. */
public final class CasedCliRoutes implements RouteGroup {
    private static final int MAX_LIMIT = 100;
    /** Ten years: as far back as any session can be. */
    private static final int MAX_HOURS = 24 * 3650;
    /** The start of an id as the CLI shows it: its first eight characters, or more of it. */
    private static final Pattern ID_START = Pattern.compile("[0-9a-f]{8}[0-9a-f-]{0,27}");
    private static final int AMBIGUOUS_SHOWN = 5;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,1000}");

    private final SessionStore store;
    private final Clock clock;

    public CasedCliRoutes(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/agent/sessions", this::list);
        routes.get("/api/v1/agent/sessions/{id}", this::detail);
    }

    /**
     * The CLI sends {@code --limit} and {@code --since} (as hours) as given, without bounds, so any whole number is
     * taken within ours rather than refused: a limit below 1 as 1 (the CLI says "No sessions found" for an empty
     * page, which would be false), above 100 as 100, and hours past ten years (or past what fits a 32-bit integer) as
     * ten years. Negative hours name no time and are refused. {@code count} is every session the filters match, which
     * the CLI prints as the total.
     */
    private void list(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_READ);
        long hours = wholeNumber(ctx, "hours", 0);
        if (hours < 0) {
            throw QueryParams.invalid("hours", "must be 0 (any age) or more");
        }
        int limit = (int) Math.clamp(wholeNumber(ctx, "limit", 20), 1, MAX_LIMIT);
        CliStatus status = CliStatus.parse(ctx.queryParam("status"));
        var since = hours == 0 ? null : clock.instant().minus(Duration.ofHours(Math.min(hours, MAX_HOURS)));
        var query = new SessionQuery(p.orgId(), status == null ? List.of() : List.of(status.ours()),
                SessionRoutes.kind(ctx.queryParam("type")), since, null, limit, status == null ? null
                : status.pickedUp());
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        store.list(query).forEach(s -> results.addObject().put("id", s.id())
                .put("created_at", WireTime.format(s.createdAt())).put("session_type", s.kind().wire())
                .put("status", CliStatus.of(s).wire()).put("title", s.title()));
        out.put("count", store.count(query));
        ctx.json(out);
    }

    private void detail(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.SESSIONS_READ);
        AgentSession s = store.findRow(p.orgId(), sessionId(ctx, p.orgId()))
                .orElseThrow(() -> new NotFoundException("session"));
        ObjectNode out = Json.object().put("id", s.id()).put("title", s.title()).put("session_type", s.kind().wire())
                .put("status", CliStatus.of(s).wire()).put("created_at", WireTime.format(s.createdAt()));
        out.set("summary", SessionJson.summary(s));
        boolean withLogs = flag(ctx, "logs");
        boolean withConversation = flag(ctx, "conversation");
        // the CLI's status view asks for neither, and a long session's timeline is thousands of rows
        // masked as the session page masks them (see SessionJson)
        List<SessionEvent> events = withLogs || withConversation
                ? store.events(s.id(), 0, 10_000).stream().map(SessionEvent::masked).toList() : List.of();
        ArrayNode logs = out.putArray("logs");
        ArrayNode conversation = out.putArray("conversation");
        if (withLogs) {
            events.forEach(e -> logs.addObject().put("timestamp", WireTime.format(e.createdAt()))
                    .put("message", "[" + e.type() + "] " + e.text()));
        }
        if (withConversation) {
            events.stream().filter(e -> e.type().equals("message")).forEach(e -> conversation.addObject()
                    .put("role", e.data().path("role").asText("agent")).put("content", e.text()));
        }
        ctx.json(out);
    }

    /**
     * The session the path names: a whole id, or the start of one. The CLI's table shows only an id's first eight
     * characters, and people type what they see; a start that several sessions share (ids begin with their creation
     * time, so sessions a minute apart do) is refused with the candidates, so the caller can give more of it.
     */
    private String sessionId(Context ctx, String orgId) {
        String given = ctx.pathParam("id").toLowerCase(Locale.ROOT);
        if (Ids.isValid(given) || !ID_START.matcher(given).matches()) {
            return QueryParams.id(ctx, "id", "session");
        }
        List<String> ids = store.idsStartingWith(orgId, given, AMBIGUOUS_SHOWN + 1);
        if (ids.size() > 1) {
            throw HttpProblem.conflict("the id start " + given + " matches several sessions ("
                    + String.join(", ", ids.subList(0, Math.min(AMBIGUOUS_SHOWN, ids.size())))
                    + (ids.size() > AMBIGUOUS_SHOWN ? ", …" : "") + "): give more of the id");
        }
        return ids.isEmpty() ? given : ids.get(0);
    }

    /** A whole number of any size, a huge one read as Long's largest; anything else is refused. */
    private static long wholeNumber(Context ctx, String name, long fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!WHOLE_NUMBER.matcher(raw.trim()).matches()) {
            throw QueryParams.invalid(name, "must be a whole number");
        }
        BigInteger v = new BigInteger(raw.trim());
        return v.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }
}
