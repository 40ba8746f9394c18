package dev.missioncontrol.errors;

import java.util.List;

/**
 * The request was well-formed JSON but broke the contract; answered with 422 and the list of field errors, which is
 * never empty: API.md promises a client that errors[] names the field and why.
 */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** "url must …; secret must …"; an error about the whole body (pointer "") names it so. */
    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> (e.pointer().isEmpty() ? "the body" : e.pointer().substring(1)) + " "
                        + e.detail())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
    }
}
