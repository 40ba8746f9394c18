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

    public FieldError withDetail(String newDetail) {
        return new FieldError(pointer, code, newDetail);
    }
}
