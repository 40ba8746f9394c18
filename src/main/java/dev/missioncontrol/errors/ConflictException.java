package dev.missioncontrol.errors;

/** The request is valid, but the object's state refuses it (answered 409 with the message). */
public final class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
