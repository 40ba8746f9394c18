package dev.missioncontrol.client;

/** A client-side failure with a message meant for the person at the terminal. */
public final class ClientException extends RuntimeException {
    public ClientException(String message) {
        super(message);
    }
}
