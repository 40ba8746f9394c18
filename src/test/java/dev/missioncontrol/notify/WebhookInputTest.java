package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.store.Json;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a webhook must be to be added. */
class WebhookInputTest {
    /** Every name resolves to a public address, so only the input's own rules decide. */
    private static final Destinations PUBLIC = new Destinations(new AddressPolicy(List.of()),
            host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})));

    /** The page's default kind is the generic one, and a pasted Slack URL would fail on every alert. */
    @Test
    void a_slack_incoming_webhook_url_must_be_added_as_kind_slack() {
        String incoming = "https://hooks.slack.com/services/T0AAA/B0BBB/secretPart123";
        assertThatThrownBy(() -> WebhookInput.from(Json.object().put("url", incoming), PUBLIC))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.pointer()).isEqualTo("/kind");
                            assertThat(f.detail()).startsWith("must be slack for a Slack incoming webhook URL");
                        }));

        assertThat(WebhookInput.from(Json.object().put("url", incoming).put("kind", "slack"), PUBLIC).kind())
                .isEqualTo("slack");
        assertThat(WebhookInput.from(Json.object().put("url", "https://hooks.slack.com/triggers/T0/1/abc"), PUBLIC)
                .kind()).as("a workflow webhook takes any JSON").isEqualTo("webhook");
    }
}
