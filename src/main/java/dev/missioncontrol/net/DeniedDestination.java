package dev.missioncontrol.net;

/** An outbound URL the server refuses to call: a bad scheme, or a host on a denied network. */
public final class DeniedDestination extends RuntimeException {
    public DeniedDestination(String detail) {
        super(detail);
    }
}
