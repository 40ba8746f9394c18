package dev.missioncontrol.web;

import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.WireTime;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads query parameters strictly: a bad value gets a 422 naming the parameter, never a silent default. */
public final class QueryParams {
    /**
     * A '+' left unencoded in a query string reads as a space, so {@code since=2026-01-15T10:30:00+01:00} typed into
     * curl arrives as "…10:30:00 01:00"; a space can stand nowhere else in such a time, so it is taken as the '+'.
     */
    private static final Pattern PLUS_SENT_AS_SPACE = Pattern.compile("(\\d) (\\d{2}:\\d{2})$");

    /** Every % begins an escape of two hex digits. */
    private static final Pattern WELL_FORMED = Pattern.compile("(?:[^%]|%[0-9A-Fa-f]{2})*+");

    private QueryParams() {
    }

    /**
     * Refuses a query string with a {@code %} that begins no escape ({@code ?repository=acme%zz}). The parameter
     * parser drops such a parameter without a word, and a list asked for one repository would answer with all of them.
     */
    public static void requireWellFormed(Context ctx) {
        String raw = ctx.queryString();
        if (raw != null && !WELL_FORMED.matcher(raw).matches()) {
            throw HttpProblem.badRequest("the query string has a % that begins no escape: write a literal % as %25, "
                    + "and other escapes as % and two hex digits, such as %2F");
        }
    }

    public static int limit(Context ctx, int fallback, int max) {
        return intParam(ctx, "limit", fallback, 1, max);
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid(name, "must be an integer from " + min + " to " + max);
    }

    /** A free-text filter, or null when absent; a NUL cannot match anything stored, so it is a mistake to say so. */
    public static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw != null && Validator.holdsNul(raw)) {
            throw invalid(name, Validator.NO_NUL);
        }
        return raw;
    }

    public static Instant time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return WireTime.parse(raw).or(() -> WireTime.parse(PLUS_SENT_AS_SPACE.matcher(raw).replaceFirst("$1+$2")))
                .orElseThrow(() -> invalid(name, "must be an RFC 3339 time such as 2026-01-15T10:30:00Z, in the years "
                        + "0000 to 9999, with an offset of at most 18 hours and at most nine decimals of a second "
                        + "(an offset's + is written %2B in a URL)"));
    }

    public static Cursor cursor(Context ctx) {
        String raw = ctx.queryParam("cursor");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Cursor.decode(raw.trim()).orElseThrow(() -> invalid("cursor", "is not a cursor this server issued"));
    }

    /** A path id; anything that is not a UUID cannot exist, so it is a 404 like any unknown id. */
    public static String id(Context ctx, String name, String what) {
        String id = ctx.pathParam(name);
        if (!Ids.isValid(id)) {
            throw new dev.missioncontrol.errors.NotFoundException(what);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    public static ValidationException invalid(String name, String detail) {
        return new ValidationException(List.of(new FieldError("/query/" + name, "invalid", detail)));
    }
}
