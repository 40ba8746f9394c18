package dev.missioncontrol.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.store.DatabaseOutage;
import dev.missioncontrol.store.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to an RFC 9457 problem+json answer. No stack trace ever leaves the server. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String TYPE_BASE = "https://missioncontrol.dev/problems/";
    static final String MEDIA_TYPE = "application/problem+json";
    private static final String DETAIL = "mc.problem-detail";

    private Problems() {
    }

    public static void register(RoutesConfig routes, AllowedMethods allowed, UploadLimit uploads) {
        routes.exception(HttpProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.type(), e.title(), e.getMessage(), List.of());
        });
        routes.exception(ValidationException.class, (e, ctx) ->
                write(ctx, 422, "validation", "Invalid request", e.getMessage(), e.errors()));
        routes.exception(NotFoundException.class, (e, ctx) ->
                write(ctx, 404, "not-found", "Not found", e.getMessage(), List.of()));
        routes.exception(JacksonException.class, (e, ctx) ->
                write(ctx, 400, "bad-request", "Malformed request", "the body is not valid JSON", List.of()));
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> methodNotAllowed(ctx, allowed));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), slug(e.getStatus()), e.getStatus() == 404 ? "Not found"
                        : io.javalin.http.HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage(), List.of()));
        routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, uploads));
        routes.error(404, ctx -> {
            if (!answered(ctx)) {
                write(ctx, 404, "not-found", "Not found", "no such resource: " + ctx.path(), List.of());
            }
        });
        routes.error(405, ctx -> {
            if (!answered(ctx)) {
                methodNotAllowed(ctx, allowed);
            }
        });
    }

    /**
     * A failure no route turned into an answer: a form the server could not read (the client's mistake), the database
     * out of reach, or the server's own failure.
     */
    private static void unexpected(Exception e, Context ctx, UploadLimit uploads) {
        var refused = uploads.refusal(e);
        if (refused.isPresent()) { // one line, no stack trace: nothing here for the operator to fix
            LOG.info("request {} {} refused with {} (request_id={}): {}", HeadAsGet.sentMethod(ctx), ctx.path(),
                    refused.get().status(), RequestIds.of(ctx), refused.get().getMessage());
            // Jetty may close the connection after its form parser gave up, without saying so; a client keeping it
            // for its next request would get no answer at all
            ctx.header("Connection", "close");
            write(ctx, refused.get().status(), refused.get().type(), refused.get().title(),
                    refused.get().getMessage(), List.of());
            return;
        }
        // the database out of reach or busy for the moment (no connection in time, a closed connection, a
        // failover, a lock): a retry may outlast it, so it is a 503, not the server's own failure
        if (DatabaseOutage.is(e)) {
            boolean full = DatabaseOutage.diskFull(e);
            LOG.warn("request {} {} met a database outage{}; answered 503 (request_id={}): {}",
                    HeadAsGet.sentMethod(ctx), ctx.path(), full ? " (its disk is full: free space there)" : "",
                    RequestIds.of(ctx), e.toString());
            ctx.header("Retry-After", "10");
            write(ctx, 503, "unavailable", "Service unavailable", full ? "the server's storage is full; retry "
                    + "once its operator has freed space" : "the database is out of reach; retry shortly", List.of());
            return;
        }
        LOG.error("request {} {} failed; answered 500 (request_id={})", HeadAsGet.sentMethod(ctx), ctx.path(),
                RequestIds.of(ctx), e);
        write(ctx, 500, "internal", "Internal error", "the server could not complete the request; "
                + "quote the request_id when reporting it", List.of());
    }

    private static void methodNotAllowed(Context ctx, AllowedMethods allowed) {
        String methods = allowed.of(ctx);
        ctx.header("Allow", methods);
        write(ctx, 405, "method-not-allowed", "Method not allowed", HeadAsGet.sentMethod(ctx)
                + " is not allowed on " + ctx.path() + (methods.isEmpty() ? "" : "; it answers " + methods), List.of());
    }

    public static void write(Context ctx, int status, String type, String title, String detail,
            List<FieldError> errors) {
        String body = document(status, type, title, detail, errors, RequestIds.of(ctx));
        UnreadBody.discard(ctx);
        ctx.attribute(DETAIL, detail);
        // bytes, not the String: the media type names no charset, so Jetty would encode a detail's "ü" as Latin-1
        ctx.status(status).contentType(MEDIA_TYPE).result(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The detail of the problem this request was answered with, for a page that tells a person the same; or null. */
    public static String detail(Context ctx) {
        return ctx.attribute(DETAIL);
    }

    /** The problem document itself, also written for errors answered before any route runs. */
    static String document(int status, String type, String title, String detail, List<FieldError> errors,
            String requestId) {
        ObjectNode body = Json.object()
                .put("type", TYPE_BASE + type).put("title", title).put("status", status).put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(e -> list.addObject().put("pointer", e.pointer()).put("code", e.code())
                    .put("detail", e.detail()));
        }
        body.put("request_id", requestId);
        return Json.write(body);
    }

    /** Whether a handler already answered with a problem, or with a page for a person (the UI's "Not found"). */
    private static boolean answered(Context ctx) {
        return isProblem(ctx) || isPage(ctx);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(MEDIA_TYPE);
    }

    /** Whether the answer is an HTML page, which an error handler must not replace with JSON. */
    public static boolean isPage(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> "http-" + status;
        };
    }
}
