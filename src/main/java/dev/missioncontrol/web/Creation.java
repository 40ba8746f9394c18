package dev.missioncontrol.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.store.Json;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Runs a POST that creates something, honouring Idempotency-Key: the same key and body replay the first answer, a
 * different body is refused, and a request racing one still running gets 409. The response is recorded in the same
 * transaction as the row it describes, so a replay can never describe a row that was rolled back.
 */
public final class Creation {
    private static final int MAX_KEY = 255;
    private static final int IN_FLIGHT_RETRY_SECONDS = 1;
    private static final ObjectWriter SORTED = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
    private final IdempotencyStore store;

    /** What the creating transaction answers. */
    public record Response(int status, JsonNode body) {
    }

    public Creation(IdempotencyStore store) {
        this.store = store;
    }

    public void run(Context ctx, Principal p, JsonNode request, Function<Handle, Response> create) {
        String key = ctx.header("Idempotency-Key");
        // two keys (a CI template that sets one, a wrapper that adds its own) would replay by whichever came first
        if (key != null && Collections.list(ctx.req().getHeaders("Idempotency-Key")).size() > 1) {
            throw keyError("must be sent once; this request has more than one");
        }
        if (key == null) {
            send(ctx, store.jdbi().inTransaction(create::apply), false);
            return;
        }
        checkKey(key);
        String route = route(ctx);
        String hash = bodyHash(request);
        Optional<IdempotencyStore.Entry> existing = store.claim(p.orgId(), route, key, hash);
        if (existing.isPresent()) {
            replay(ctx, existing.get(), hash, ApiKeyFormat.digest(Json.write(request)));
            return;
        }
        try {
            Response r = store.jdbi().inTransaction(h -> {
                Response made = create.apply(h);
                store.complete(h, p.orgId(), route, key, made.status(), Json.write(made.body()));
                return made;
            });
            send(ctx, r, false);
        } catch (RuntimeException e) {
            store.release(p.orgId(), route, key);
            throw e;
        }
    }

    /**
     * What a key is scoped to besides its organization: the route with its path parameters filled in, so one key
     * used for a message to two sessions is two requests. The route's template, not the path sent, so a retry with or
     * without the trailing slash is the same request.
     */
    private static String route(Context ctx) {
        String route = ctx.endpoints().lastHttpEndpoint().path;
        for (var param : ctx.pathParamMap().entrySet()) {
            route = route.replace("{" + param.getKey() + "}", param.getValue());
        }
        return route;
    }

    /**
     * The body's digest with its fields in name order: a client that rebuilds its request from a map on a retry may
     * send the same fields in another order, and that is the same request.
     */
    static String bodyHash(JsonNode request) {
        try {
            return ApiKeyFormat.digest(SORTED.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed body always writes", e);
        }
    }

    /** {@code asSent} is the digest keys were stored with before they were taken in name order, within their day. */
    private static void replay(Context ctx, IdempotencyStore.Entry entry, String hash, String asSent) {
        if (!entry.requestHash().equals(hash) && !entry.requestHash().equals(asSent)) {
            throw keyError("was already used with a different request body; send a new key for a new request");
        }
        if (entry.statusCode() == null) {
            // a creation commits within a second or two; Retry-After lets a client's retry policy wait that long
            throw new HttpProblem(409, "conflict", "Conflict", "a request with this Idempotency-Key is still being "
                    + "processed; retry in " + IN_FLIGHT_RETRY_SECONDS + " s",
                    Map.of("Retry-After", Integer.toString(IN_FLIGHT_RETRY_SECONDS)));
        }
        send(ctx, new Response(entry.statusCode(), Json.read(entry.responseBody())), true);
    }

    private static void send(Context ctx, Response r, boolean replayed) {
        if (replayed) {
            ctx.header("Idempotent-Replayed", "true");
        }
        createdAt(ctx, r).ifPresent(location -> ctx.header("Location", location));
        ctx.status(r.status()).json(r.body());
    }

    /**
     * Where a created object can be read: under the route that made it, by the id its answer names ({@code id} for a
     * deployment, {@code session_id} for a session, as API.md shapes them). Worked out from the answer, so a replay
     * carries it as the first answer did.
     */
    private static Optional<String> createdAt(Context ctx, Response r) {
        JsonNode id = r.body().hasNonNull("id") ? r.body().get("id") : r.body().get("session_id");
        if (r.status() != 201 || id == null || !id.isTextual()) {
            return Optional.empty();
        }
        String route = ctx.endpoints().lastHttpEndpoint().path;
        return Optional.of(route + (route.endsWith("/") ? "" : "/") + id.asText() + "/");
    }

    private static void checkKey(String key) {
        // any text a CI template may build ("deploy run 42", a branch name in any script) is a key; only control
        // characters, which no header should carry, are refused
        if (key.isBlank() || key.codePointCount(0, key.length()) > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
            throw keyError("must be 1 to 255 characters, none of them a control character");
        }
    }

    /** A refusal pointing at the header, as query parameters are pointed at under /query/. */
    private static ValidationException keyError(String detail) {
        return new ValidationException(List.of(new FieldError("/headers/Idempotency-Key", "invalid", detail)));
    }
}
