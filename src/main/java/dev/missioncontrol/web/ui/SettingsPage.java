package dev.missioncontrol.web.ui;

import dev.missioncontrol.orgs.ApiKey;
import dev.missioncontrol.orgs.User;
import java.util.List;

/**
 * Everything the settings page shows. {@code newKey} is the full text of a key just created: it is shown in this one
 * response and never again.
 */
public record SettingsPage(List<ApiKey> keys, List<ProjectSettings> projects, List<User> users, boolean autoRegister,
        LlmSettings llm, List<String> webhooks, boolean canSend, String newKey, String flash) {

    public String webhooksText() {
        return String.join("\n", webhooks);
    }
}
