package dev.missioncontrol.web.ui;

import dev.missioncontrol.orgs.ApiKey;
import dev.missioncontrol.orgs.User;
import java.util.List;

/**
 * Everything the settings page shows. {@code once} holds what is shown in this one response and never again: a key or
 * a webhook's signing secret just created. {@code typed} is a refused form as it was typed, shown again.
 */
public record SettingsPage(List<ApiKey> keys, List<ProjectSettings> projects, List<User> users, boolean autoRegister,
        ServerSettings server, Notifications notifications, ShownOnce once, String flash, TypedForm typed) {

    /** The notifications section: webhooks and the newest delivery attempts. */
    public record Notifications(List<NotificationSettings.Hook> hooks, List<NotificationSettings.Delivery> deliveries) {
    }

    /** Secrets shown in this response only; either may be null. */
    public record ShownOnce(String apiKey, NotificationSettings.Added webhook) {
        static final ShownOnce NOTHING = new ShownOnce(null, null);
    }

    public String newKey() {
        return once.apiKey();
    }

    public NotificationSettings.Added newWebhook() {
        return once.webhook();
    }

    public List<String> kinds() {
        return NotificationSettings.KINDS;
    }
}
