package dev.missioncontrol.client;

/** A client-side failure with a message meant for the person at the terminal. */
public final class ClientException extends RuntimeException {
    private final boolean network;

    public ClientException(String message) {
        this(message, false);
    }

    private ClientException(String message, boolean network) {
        super(message);
        this.network = network;
    }

    /** The server could not be reached or was briefly unavailable (a restart, a 5xx): worth trying again. */
    static ClientException network(String message) {
        return new ClientException(message, true);
    }

    public boolean isNetwork() {
        return network;
    }
}
