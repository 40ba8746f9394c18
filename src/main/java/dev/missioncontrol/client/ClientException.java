package dev.missioncontrol.client;

import java.time.Duration;
import java.util.Optional;

/** A client-side failure with a message meant for the person at the terminal. */
public final class ClientException extends RuntimeException {
    private final boolean transientFailure;
    private final Duration retryAfter;

    public ClientException(String message) {
        this(message, false, null);
    }

    private ClientException(String message, boolean transientFailure, Duration retryAfter) {
        super(message);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** The server could not be reached or was briefly unavailable (a restart, a 5xx): worth trying again. */
    static ClientException network(String message) {
        return new ClientException(message, true, null);
    }

    /**
     * The server asked to be asked again later (a 429, a 503, a 409 for a request it is still processing), in
     * {@code retryAfter} when it said how long.
     */
    static ClientException later(String message, Duration retryAfter) {
        return new ClientException(message, true, retryAfter);
    }

    /** Worth trying again: the same request may succeed in a moment. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** How long the server asked to be left alone, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
