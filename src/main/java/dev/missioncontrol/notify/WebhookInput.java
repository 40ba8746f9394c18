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
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/** A validated webhook: its URL has passed the SSRF guard, and a generic webhook has a signing secret. */
record WebhookInput(String kind, String name, String url, String secret, AlertScope scope) {
    static final Set<String> KINDS = new LinkedHashSet<>(List.of(Webhook.SLACK, Webhook.GENERIC));
    /** The fields a change may set; one at least. */
    private static final List<String> CHANGEABLE = List.of("url", "secret", "name", "repositories", "environments");
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One line of visible text: an environment is named freely, but never across lines or with control codes, nor
     * with a comma, which the settings page's fields separate names with: saved there, "eu, west" became two names.
     */
    private static final Pattern ANY_NAME = Pattern.compile("[^\\p{Cntrl},]+");
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
        String secret = secret(v);
        URI checked = checkUrl(v, kind, url, "kind", destinations);
        name = name != null || checked == null ? name : checked.getHost();
        AlertScope scope = new AlertScope(repositories(v, body), environments(v, body));
        v.check();
        boolean signed = Webhook.GENERIC.equals(kind);
        return new WebhookInput(kind, name, url, signed ? (secret != null ? secret : newSecret()) : null, scope);
    }

    /**
     * What changes on a webhook that keeps its id: its URL (through the same checks as a new webhook's), a generic
     * webhook's secret, its name, and whose alerts it gets; what the body leaves out stays as it is. Notifications
     * waiting for it or given up on go to the new URL; those a narrowed scope no longer covers are not sent.
     */
    static WebhookInput change(Webhook current, JsonNode body, Destinations destinations) {
        Validator v = new Validator(body);
        if (CHANGEABLE.stream().noneMatch(body::has)) {
            v.add(new FieldError("", "missing", "must set at least one of " + String.join(", ", CHANGEABLE)));
        }
        String url = body.has("url") ? v.requiredText("url", 2_048) : current.url();
        String secret = secret(v);
        if (secret != null && !Webhook.GENERIC.equals(current.kind())) {
            v.add(FieldError.invalid("secret", "must be left out: a Slack webhook does not sign"));
        }
        String name = v.optionalName("name", 200);
        if (name != null && Validator.looksBlank(name)) {
            v.add(FieldError.invalid("name", "must not be blank"));
        }
        if (body.has("url")) {
            checkUrl(v, current.kind(), url, "url", destinations);
        }
        AlertScope scope = new AlertScope(
                body.has("repositories") ? repositories(v, body) : current.scope().repositories(),
                body.has("environments") ? environments(v, body) : current.scope().environments());
        v.check();
        return new WebhookInput(current.kind(), name != null ? name.strip() : current.name(), url,
                secret != null ? secret : current.secret(), scope);
    }

    /** The changeable fields {@code body} names: what a change writes, and nothing else. */
    static Set<String> named(JsonNode body) {
        return CHANGEABLE.stream().filter(body::has).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String secret(Validator v) {
        String secret = v.optionalText("secret", 255);
        if (secret != null && secret.length() < 16) {
            v.add(FieldError.invalid("secret", "must be at least 16 characters"));
        }
        return secret;
    }

    /**
     * The URL as the SSRF guard resolved it, or null when refused; {@code kindField} is the field a Slack incoming
     * URL given as a generic webhook is blamed on: the kind when adding, the URL when changing a webhook's URL.
     */
    private static URI checkUrl(Validator v, String kind, String url, String kindField, Destinations destinations) {
        if (url == null) {
            return null;
        }
        if (Webhook.GENERIC.equals(kind) && SLACK_INCOMING.matcher(url).matches()) {
            v.add(FieldError.invalid(kindField, kindField.equals("kind") ? "must be slack for a Slack incoming "
                    + "webhook URL, which takes only Slack's message format" : "is a Slack incoming webhook URL, "
                    + "which takes only Slack's message format: add it as a new webhook of kind slack"));
        }
        try {
            return destinations.check(url);
        } catch (DeniedDestination e) {
            v.add(FieldError.invalid("url", e.getMessage()));
            return null;
        }
    }

    private static List<String> repositories(Validator v, JsonNode body) {
        return names(v, body, "repositories", Project.MAX_REPOSITORY, Project.REPOSITORY,
                "must be a repository_full_name such as acme/payments");
    }

    private static List<String> environments(Validator v, JsonNode body) {
        return names(v, body, "environments", EnvironmentName.MAX, ANY_NAME, "must be an environment name without "
                + "a comma");
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
