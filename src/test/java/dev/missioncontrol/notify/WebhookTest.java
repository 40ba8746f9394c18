package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookTest {

    @Test
    void shows_a_slack_url_without_its_credential_and_other_urls_as_they_are() {
        assertThat(hook("https://hooks.slack.com/services/T0/B0/xyz").shownUrl())
                .isEqualTo("https://hooks.slack.com/services/…");
        assertThat(hook("HTTPS://Hooks.Slack.com/workflows/T0/A0/1/xyz").shownUrl())
                .isEqualTo("HTTPS://Hooks.Slack.com/workflows/…");
        assertThat(hook("https://hooks.example.com/services/T0/B0/xyz").shownUrl())
                .isEqualTo("https://hooks.example.com/services/T0/B0/xyz");
    }

    private static Webhook hook(String url) {
        return new Webhook("w1", "o1", Webhook.SLACK, "ops", url, null, Instant.EPOCH);
    }
}
