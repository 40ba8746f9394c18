package dev.missioncontrol.net;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why an outbound call got no answer, in one short line for the people who read it in a delivery log or a report:
 * "connection refused", "timed out after 10 s". The HTTP client's own messages can be a dump of its connection state,
 * hundreds of characters that say less.
 */
public final class TransportFailure {
    /** Long enough for a TLS reason or an exception's message, short enough for one line. */
    static final int MAX_DETAIL = 160;

    private TransportFailure() {
    }

    static String describe(Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String known = known(t, timeout);
            if (known != null) {
                return known;
            }
        }
        return oneLine(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    /**
     * The first line of a text, cut to {@link #MAX_DETAIL} characters, its control characters made spaces: what a
     * remote server wrote must not be able to forge a line of the server's log.
     */
    public static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    private static String known(Throwable t, Duration timeout) {
        return switch (t) {
            case ConnectException c -> "connection refused";
            case NoRouteToHostException n -> "no route to its host";
            case UnknownHostException u -> "its host name does not resolve";
            case TimeoutException e -> "timed out after " + timeout.toSeconds() + " s";
            case EOFException e -> "closed the connection without answering";
            case ClosedChannelException e -> "closed the connection without answering";
            case SSLException e when TrustedCa.outOfDate(e) ->
                    "TLS failed: its certificate has expired or is not valid yet";
            case SSLException e when TrustedCa.unsigned(e) ->
                    "TLS failed: its certificate is not signed by an authority trusted here (--ca-cert or MC_CA_CERT "
                            + "adds the CA that signed it)";
            case SSLException e -> "TLS failed: " + oneLine(String.valueOf(e.getMessage()));
            default -> null;
        };
    }
}
