package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which deploys' alerts a webhook gets: those of the listed repositories, to the listed environments. An empty list
 * leaves that side open, so a webhook with neither gets every alert of its organization. The payments team's channel
 * then hears of payments' production deploys, not of every service's staging.
 *
 * @param repositories {@code repository_full_name}s, matched without regard to case as projects are
 * @param environments {@code event_metadata.environment}s, matched without regard to case; a deploy that names no
 *                     environment is outside a list of them
 */
public record AlertScope(List<String> repositories, List<String> environments) {
    public static final AlertScope EVERY = new AlertScope(List.of(), List.of());
    /** More names than a channel's owners would keep in mind; a longer list is a mistake. */
    static final int MAX_NAMES = 100;

    public AlertScope {
        repositories = List.copyOf(repositories);
        environments = List.copyOf(environments);
    }

    boolean covers(Deployment d) {
        return covers(d.repositoryFullName(), d.environment());
    }

    /** @param environment null when the deploy names none */
    boolean covers(String repository, String environment) {
        return matches(repositories, repository) && matches(environments, environment);
    }

    public boolean everything() {
        return repositories.isEmpty() && environments.isEmpty();
    }

    /** "acme/payments, acme/ledger · production", or "every deploy". */
    public String describe() {
        if (everything()) {
            return "every deploy";
        }
        String repos = repositories.isEmpty() ? "every repository" : String.join(", ", repositories);
        return environments.isEmpty() ? repos : repos + " · " + String.join(", ", environments);
    }

    private static boolean matches(List<String> names, String name) {
        return names.isEmpty() || name != null && names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT)));
    }

    /** A stored list (JSON text) back; none stored is an open side. */
    static List<String> read(String stored) {
        List<String> out = new ArrayList<>();
        if (stored != null) {
            Json.read(stored).forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** A list as stored: JSON text, or null when it leaves its side open. */
    static String write(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        ArrayNode a = Json.MAPPER.createArrayNode();
        names.forEach(a::add);
        return Json.write(a);
    }

    /** {@code {"repositories": […], "environments": […]}} as the API shows it. */
    JsonNode toJson() {
        var out = Json.object();
        ArrayNode repos = out.putArray("repositories");
        repositories.forEach(repos::add);
        ArrayNode envs = out.putArray("environments");
        environments.forEach(envs::add);
        return out;
    }
}
