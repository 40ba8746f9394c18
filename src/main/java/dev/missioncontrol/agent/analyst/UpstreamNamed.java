package dev.missioncontrol.agent.analyst;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another service the problem lines name: "upstream timeout calling payments-svc", a host
 * {@code payments.prod.svc.cluster.local:8080}. When the request is about checkout and checkout's errors name
 * payments, a deployment of payments just before them is as much a suspect as checkout's own, and more of one than a
 * checkout change whose commit shares nothing with the errors. Names are compared as whole words of host names and
 * identifiers, less the suffixes services are commonly given ({@code -svc}, {@code -service}, {@code -api}), so
 * {@code payments-svc} names the repository {@code shop/payments} and {@code shop/payments-service} alike.
 */
final class UpstreamNamed {

    /** A word of the lines: letters, digits and what joins a host's or an identifier's parts. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_./:-]+");
    /** What splits a host into its labels and a word into parts: a host's dots, a port's colon. */
    private static final Pattern LABELS = Pattern.compile("[.:]");
    private static final Pattern SUFFIXES = Pattern.compile("(?:[-_](?:svc|service|api|server|srv|backend|app))+$");
    /** Shorter names ("db", "ui") are words of every log, not names of a service. */
    private static final int MIN_LETTERS = 3;
    /** Names of a role, which every request line and URL holds, not of one service. */
    private static final Set<String> ROLES = Set.of("api", "app", "web", "www", "http", "https", "grpc", "server",
            "service", "svc", "backend", "frontend", "internal", "default", "local", "localhost");

    private UpstreamNamed() {
    }

    /** The word of the problem lines that names the deployment's service, if one does. */
    static Optional<String> in(DeploymentSeen d, Incident incident) {
        String name = d.repositoryName() == null ? "" : bare(d.repositoryName());
        if (name.length() < MIN_LETTERS || ROLES.contains(name)) {
            return Optional.empty();
        }
        Matcher words = WORD.matcher(ChangeWords.incidentText(incident));
        while (words.find()) {
            Optional<String> named = named(words.group(), name);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /**
     * The host or word that is {@code name}: a word as it stands ({@code payments-svc}), or the first label of a host
     * ({@code payments.prod.svc:8080}, {@code http://payments.internal/v1}). A path ({@code /api/orders}) names a
     * resource of the service that was called, not another service.
     */
    private static Optional<String> named(String word, String name) {
        int scheme = word.indexOf("://");
        String host = scheme >= 0 ? word.substring(scheme + 3) : word;
        if (host.isEmpty() || host.startsWith("/")) {
            return Optional.empty();
        }
        int path = host.indexOf('/');
        String label = LABELS.split(path >= 0 ? host.substring(0, path) : host, 2)[0];
        return bare(label).equals(name) ? Optional.of(label) : Optional.empty();
    }

    private static String bare(String name) {
        return SUFFIXES.matcher(name.toLowerCase(Locale.ROOT)).replaceFirst("");
    }
}
