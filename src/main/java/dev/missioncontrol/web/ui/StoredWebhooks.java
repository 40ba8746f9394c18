package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.orgs.OrgStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook URLs kept in the organization's settings under {@code notifications.webhooks}, for builds without a notify
 * feature: the URLs are saved so nothing typed is lost, but nothing is sent.
 */
public final class StoredWebhooks implements NotificationSettings {
    private final OrgStore orgs;

    public StoredWebhooks(OrgStore orgs) {
        this.orgs = orgs;
    }

    @Override
    public List<String> webhooks(String orgId) {
        List<String> out = new ArrayList<>();
        orgs.settings(orgId).path("notifications").path("webhooks").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public void saveWebhooks(String orgId, List<String> urls) {
        ObjectNode settings = orgs.settings(orgId);
        ArrayNode list = settings.withObjectProperty("notifications").putArray("webhooks");
        urls.forEach(list::add);
        orgs.updateSettings(orgId, settings);
    }

    @Override
    public String sendTest(String orgId) {
        return "This build cannot send notifications yet; the webhook URLs are saved for when it can.";
    }

    @Override
    public boolean canSend() {
        return false;
    }
}
