package dev.missioncontrol.web.ui;

/** Whether a Host header names this machine, where browsers accept Secure cookies over plain HTTP. */
final class Loopback {
    private Loopback() {
    }

    static boolean is(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceFirst(":\\d+$", "");
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]");
    }
}
