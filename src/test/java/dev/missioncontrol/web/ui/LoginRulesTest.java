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
    void throttles_one_address_trying_many_accounts() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 4, Duration.ofMinutes(5)));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("10.0.0.9", "user" + i + "@x")).isEmpty();
        }
        assertThat(throttle.attempt("10.0.0.9", "fresh@x")).isPresent();
    }

    @Test
    void a_stranger_guessing_an_account_is_stopped_without_locking_its_owner_out() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 4, Duration.ofMinutes(5)));
        assertThat(throttle.attempt("10.0.0.6", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.6", "A@x ")).isEmpty();
        assertThat(throttle.attempt("10.0.0.6", "a@x")).isPresent();
        assertThat(throttle.attempt("10.0.0.7", "a@x")).as("the owner, elsewhere").isEmpty();
    }

    @Test
    void many_addresses_guessing_one_account_together_are_stopped() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 4, Duration.ofMinutes(5)));
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.attempt("10.0.1." + i, "a@x")).isEmpty();
        }
        assertThat(throttle.attempt("10.0.1.5", "a@x")).isPresent();
    }

    @Test
    void a_flood_of_fresh_addresses_and_accounts_does_not_forgive_an_account_still_being_guessed() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 2, Duration.ofMinutes(5)));
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
    void right_passwords_give_their_attempt_back_and_wrong_ones_still_run_out() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 4, Duration.ofMinutes(5)));
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("10.0.0.8", "a@x")).isEmpty();
            throttle.succeeded("10.0.0.8", "A@x");
        }
        assertThat(throttle.attempt("10.0.0.8", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.8", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.8", "a@x")).as("two wrong guesses spent the pair's budget").isPresent();
    }

    @Test
    void giving_back_never_lifts_a_budget_over_its_limit() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(5, 2, 4, Duration.ofMinutes(5)));
        throttle.attempt("10.0.0.8", "a@x");
        for (int i = 0; i < 10; i++) {
            throttle.succeeded("10.0.0.8", "a@x");
        }
        assertThat(throttle.attempt("10.0.0.8", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.8", "a@x")).isEmpty();
        assertThat(throttle.attempt("10.0.0.8", "a@x")).isPresent();
    }

    @Test
    void recognises_loopback_hosts() {
        assertThat(Loopback.is("127.0.0.1:8080")).isTrue();
        assertThat(Loopback.is("localhost")).isTrue();
        assertThat(Loopback.is("[::1]:8080")).isTrue();
        assertThat(Loopback.is("mc.example.com")).isFalse();
    }
}
