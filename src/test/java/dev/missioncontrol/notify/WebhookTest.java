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
        assertThat(hook("https://slack-proxy.example.com/services/T000/B000/SLACKSECRETxyz").shownUrl())
                .as("a Slack webhook behind a proxy").isEqualTo("https://slack-proxy.example.com/services/…");
        assertThat(hook("https://proxy.example.com/T0AAAA1111BBBBCCCC").shownUrl())
                .as("its token in the first segment").isEqualTo("https://proxy.example.com/…");
    }

    @Test
    void shows_a_generic_url_without_the_tokens_in_its_path_or_query() {
        assertThat(generic("https://alerts.example.com/hooks/deploys").shownUrl())
                .isEqualTo("https://alerts.example.com/hooks/deploys");
        assertThat(generic("https://discord.com/api/webhooks/1234567890123/AbCdEf0123456789xyzTOKEN").shownUrl())
                .isEqualTo("https://discord.com/api/webhooks/1234567890123/…");
        assertThat(generic("https://chat.example.com/v1/spaces/ops/messages?key=QUERYSECRET123&token=abc").shownUrl())
                .isEqualTo("https://chat.example.com/v1/spaces/ops/messages?key=…&token=…");
        assertThat(generic("https://example.com/h?abcdef123456SECRET").shownUrl()).isEqualTo("https://example.com/h?…");
        assertThat(generic("https://example.com/hooks/abcdefghijklmnopqrstuvwx#k=secret").shownUrl())
                .isEqualTo("https://example.com/hooks/…#…");
        assertThat(generic("https://hooks.example.com/hooks/catch/123456/b7xk2q1/").shownUrl())
                .as("a catch hook's short id").isEqualTo("https://hooks.example.com/hooks/catch/123456/…/");
    }

    private static Webhook hook(String url) {
        return new Webhook("w1", "o1", Webhook.SLACK, "ops", url, null, Instant.EPOCH);
    }

    private static Webhook generic(String url) {
        return new Webhook("w2", "o1", Webhook.GENERIC, "ops", url, "whsec_x", Instant.EPOCH);
    }
}
