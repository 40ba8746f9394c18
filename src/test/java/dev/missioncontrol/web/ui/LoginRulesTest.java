package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginRulesTest {

    @Test
    void redirects_after_login_only_to_this_server() {
        assertThat(LoginRoutes.safeNext("/agents/1?x=2")).isEqualTo("/agents/1?x=2");
        assertThat(LoginRoutes.safeNext("//evil.example")).isEqualTo("/");
        assertThat(LoginRoutes.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(LoginRoutes.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(LoginRoutes.safeNext(null)).isEqualTo("/");
    }

    @Test
    void throttles_one_account_and_one_address_separately() {
        LoginThrottle throttle = new LoginThrottle(5, 2, Duration.ofMinutes(5));
        assertThat(throttle.attempt("10.0.0.1", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.2", "A@x ")).isEmpty();
        assertThat(throttle.attempt("10.0.0.3", "a@x")).isPresent();
        for (int i = 0; i < 5; i++) {
            throttle.attempt("10.0.0.9", "user" + i + "@x");
        }
        assertThat(throttle.attempt("10.0.0.9", "fresh@x")).isPresent();
    }

    @Test
    void a_flood_of_fresh_addresses_and_accounts_does_not_forgive_an_account_still_being_guessed() {
        LoginThrottle throttle = new LoginThrottle(5, 2, Duration.ofMinutes(5));
        throttle.attempt("10.0.0.1", "victim@x");
        throttle.attempt("10.0.0.2", "victim@x");
        int refused = 0;
        int guesses = 0;
        for (int i = 1; i <= 2 * LoginThrottle.MAX_BUCKETS; i++) {
            throttle.attempt("2001:db8::" + Integer.toHexString(i), "flood" + i + "@x");
            if (i % 500 == 0) {
                guesses++;
                refused += throttle.attempt("2001:db8:1::" + Integer.toHexString(i), "victim@x").isPresent() ? 1 : 0;
            }
        }

        assertThat(refused).isEqualTo(guesses);
    }

    @Test
    void recognises_loopback_hosts() {
        assertThat(Loopback.is("127.0.0.1:8080")).isTrue();
        assertThat(Loopback.is("localhost")).isTrue();
        assertThat(Loopback.is("[::1]:8080")).isTrue();
        assertThat(Loopback.is("mc.example.com")).isFalse();
    }
}
