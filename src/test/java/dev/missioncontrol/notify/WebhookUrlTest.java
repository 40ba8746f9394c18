package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    @Test
    void urls_that_post_to_the_same_place_read_the_same() {
        String plain = WebhookUrl.normalised("http://127.0.0.1:18442/ok?token=X");
        assertThat(plain).isEqualTo("http://127.0.0.1:18442/ok?token=X");
        for (String same : new String[] {"HTTP://127.0.0.1:18442/ok?token=X", "http://127.0.0.1:18442/ok?token=X&",
                "http://127.0.0.1:18442/ok?token=X&&", "http://127.0.0.1:18442/a/../ok?token=X",
                "http://127.0.0.1:18442/ok?token=X#part"}) {
            assertThat(WebhookUrl.normalised(same)).as(same).isEqualTo(plain);
        }
        assertThat(WebhookUrl.normalised("HTTPS://Hooks.Example.COM:443")).isEqualTo("https://hooks.example.com/");
        assertThat(WebhookUrl.normalised("http://hooks.example.com:80/?")).isEqualTo("http://hooks.example.com/");
        assertThat(WebhookUrl.normalised("http://[::1]:80/hook")).isEqualTo("http://[::1]/hook");
    }

    @Test
    void urls_that_may_post_to_different_places_stay_apart() {
        assertThat(WebhookUrl.normalised("https://h.example.com/Hook?token=X"))
                .as("a path and a token keep their case")
                .isNotEqualTo(WebhookUrl.normalised("https://h.example.com/hook?token=x"));
        assertThat(WebhookUrl.normalised("https://h.example.com:8443/hook"))
                .isNotEqualTo(WebhookUrl.normalised("https://h.example.com/hook"));
        assertThat(WebhookUrl.normalised("http://h.example.com/hook"))
                .isNotEqualTo(WebhookUrl.normalised("https://h.example.com/hook"));
        assertThat(WebhookUrl.normalised("not a url")).isEqualTo("not a url");
    }
}
