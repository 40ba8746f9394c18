package dev.missioncontrol.errors;

/** No such object in the caller's organization. Another organization's object is reported the same way. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
