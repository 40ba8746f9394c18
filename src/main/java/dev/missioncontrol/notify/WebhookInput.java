package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.net.DeniedDestination;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.orgs.Project;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated webhook: its URL has passed the SSRF guard, and a generic webhook has a signing secret. */
record WebhookInput(String kind, String name, String url, String secret, AlertScope scope) {
    static final Set<String> KINDS = new LinkedHashSet<>(List.of(Webhook.SLACK, Webhook.GENERIC));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One line of visible text: an environment is named freely, but never across lines or with control codes. */
    private static final Pattern ANY_NAME = Pattern.compile("[^\\p{Cntrl}]+");
    /**
     * A Slack incoming webhook refuses the generic JSON (it answers 400 no_text), so every alert to it would fail;
     * Slack's workflow webhooks (/triggers/, /workflows/) take any JSON and stay allowed as generic ones.
     */
    private static final Pattern SLACK_INCOMING =
            Pattern.compile("(?i)https?://hooks\\.slack\\.com(:\\d+)?/services/.*");

    static WebhookInput from(JsonNode body, Destinations destinations) {
        Validator v = new Validator(body);
        String kind = v.optionalOneOf("kind", KINDS, Webhook.GENERIC);
        String url = v.requiredText("url", 2_048);
        String name = v.optionalName("name", 200);
        String secret = v.optionalText("secret", 255);
        if (secret != null && secret.length() < 16) {
            v.add(FieldError.invalid("secret", "must be at least 16 characters"));
        }
        if (url != null && Webhook.GENERIC.equals(kind) && SLACK_INCOMING.matcher(url).matches()) {
            v.add(FieldError.invalid("kind", "must be slack for a Slack incoming webhook URL, which takes only "
                    + "Slack's message format"));
        }
        if (url != null) {
            try {
                URI checked = destinations.check(url);
                name = name != null ? name : checked.getHost();
            } catch (DeniedDestination e) {
                v.add(FieldError.invalid("url", e.getMessage()));
            }
        }
        AlertScope scope = new AlertScope(names(v, body, "repositories", Project.MAX_REPOSITORY, Project.REPOSITORY,
                "must be a repository_full_name such as acme/payments"), names(v, body, "environments",
                EnvironmentName.MAX, ANY_NAME, "must be an environment name"));
        v.check();
        boolean signed = Webhook.GENERIC.equals(kind);
        return new WebhookInput(kind, name, url, signed ? (secret != null ? secret : newSecret()) : null, scope);
    }

    /** An optional array of distinct names, each of at most {@code max} characters and of {@code shape}. */
    private static List<String> names(Validator v, JsonNode body, String field, int max, Pattern shape,
            String rule) {
        JsonNode given = body.get(field);
        if (given == null || given.isNull()) {
            return List.of();
        }
        if (!given.isArray() || given.size() > AlertScope.MAX_NAMES) {
            v.add(FieldError.invalid(field, "must be an array of at most " + AlertScope.MAX_NAMES + " names"));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode n = given.get(i);
            String name = n.isTextual() ? n.asText().strip() : "";
            if (name.isEmpty() || name.length() > max || !shape.matcher(name).matches()) {
                v.add(FieldError.invalid(field + "/" + i, rule + " of at most " + max + " characters"));
            } else {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
