package dev.missioncontrol.web.ui;

import dev.missioncontrol.orgs.ApiKey;
import dev.missioncontrol.orgs.User;
import java.util.List;

/**
 * Everything the settings page shows. {@code once} holds what is shown on this one page and never again: a key or a
 * webhook's signing secret just created. {@code typed} is a refused form as it was typed, shown again.
 */
public record SettingsPage(List<ApiKey> keys, List<ProjectSettings> projects, List<User> users, boolean autoRegister,
        ServerSettings server, Notifications notifications, ShownOnce once, String flash, TypedForm typed) {

    /**
     * The notifications section: webhooks and a page of delivery attempts, the newest unless the address asked for
     * older ones.
     *
     * @param olderHref  the page of older attempts; null when none is left
     * @param newestHref back to the newest; null on the newest page
     */
    public record Notifications(List<NotificationSettings.Hook> hooks, List<NotificationSettings.Delivery> deliveries,
            String olderHref, String newestHref) {
    }

    /** Secrets shown on this page only; either may be null. */
    public record ShownOnce(String apiKey, String webhookSecret) {
        static final ShownOnce NOTHING = new ShownOnce(null, null);
    }

    public String newKey() {
        return once.apiKey();
    }

    public String newWebhookSecret() {
        return once.webhookSecret();
    }

    public List<String> kinds() {
        return NotificationSettings.KINDS;
    }
}
