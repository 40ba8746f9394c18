package dev.missioncontrol.agent.analyst;

import java.util.Locale;
import java.util.Optional;
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

    /** What splits names apart: anything but letters, digits, '-' and '_' (a host's dots, a URL's slashes, a port). */
    private static final Pattern SEPARATOR = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern SUFFIXES = Pattern.compile("(?:[-_](?:svc|service|api|server|srv|backend|app))+$");
    /** Shorter names ("db", "ui") are words of every log, not names of a service. */
    private static final int MIN_LETTERS = 3;

    private UpstreamNamed() {
    }

    /** The word of the problem lines that names the deployment's service, if one does. */
    static Optional<String> in(DeploymentSeen d, Incident incident) {
        String name = d.repositoryName() == null ? "" : bare(d.repositoryName());
        if (name.length() < MIN_LETTERS) {
            return Optional.empty();
        }
        for (String word : SEPARATOR.split(ChangeWords.incidentText(incident))) {
            if (bare(word).equals(name)) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    private static String bare(String name) {
        return SUFFIXES.matcher(name.toLowerCase(Locale.ROOT)).replaceFirst("");
    }
}
