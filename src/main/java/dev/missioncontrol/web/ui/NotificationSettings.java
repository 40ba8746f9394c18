package dev.missioncontrol.web.ui;

import java.util.List;

/**
 * What the settings page needs from notifications: the organization's webhook URLs and a test send. The notify
 * feature provides the real one; App adapts it, so notify never depends on the web layer.
 */
public interface NotificationSettings {

    List<String> webhooks(String orgId);

    void saveWebhooks(String orgId, List<String> urls);

    /** Sends a test notification to every webhook; answers one line for the person who asked. */
    String sendTest(String orgId);

    /** Whether a test can really be sent; when not, the page says so instead of pretending. */
    boolean canSend();
}
