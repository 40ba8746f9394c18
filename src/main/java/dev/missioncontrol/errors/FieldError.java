package dev.missioncontrol.errors;

/**
 * One reason a request was refused, pointing at the field (RFC 6901 pointer) that caused it.
 *
 * @param code one of {@code missing}, {@code invalid}, {@code too_long}
 */
public record FieldError(String pointer, String code, String detail) {
    public static FieldError missing(String field) {
        return new FieldError("/" + field, "missing", "is required");
    }

    public static FieldError invalid(String field, String detail) {
        return new FieldError("/" + field, "invalid", detail);
    }

    public static FieldError tooLong(String field, int max) {
        return new FieldError("/" + field, "too_long", "must be at most " + max + " characters");
    }

    /**
     * A member name as one reference token of a pointer: a name holding "/" or "~" (a label {@code a/b}) would
     * otherwise point at a field nested under another, which a client locating the error would not find.
     */
    public static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The top-level field the pointer is in ({@code /repositories/2} → {@code repositories}); "" for the body. */
    public String field() {
        return pointer.isEmpty() ? "" : pointer.substring(1).split("/", -1)[0];
    }

    public FieldError withDetail(String newDetail) {
        return new FieldError(pointer, code, newDetail);
    }
}
