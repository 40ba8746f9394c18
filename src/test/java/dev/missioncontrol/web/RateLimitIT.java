package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes beyond the burst get 429 with Retry-After; every answer carries the IETF rate-limit headers. */
class RateLimitIT {

    @Test
    void writes_over_the_burst_get_429_with_retry_after() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE,
                // One write a minute refills the bucket so slowly that a loaded machine cannot refill it mid-test.
                c -> c.withLimits(new AppConfig.Limits(1L << 20, 64L << 20, 1, 3)))) {
            Api api = server.api();
            String body = "{\"deployment_request\":\"x\",\"repository_full_name\":\"a/b\"}";
            for (int i = 0; i < 3; i++) {
                var ok = api.post("/api/v1/deployments/", body);
                assertThat(ok.status()).isEqualTo(201);
                assertThat(ok.header("RateLimit-Policy")).contains("q=1;").contains("w=60");
                assertThat(ok.header("RateLimit")).contains("r=" + (2 - i));
            }
            var limited = api.post("/api/v1/deployments/", body);
            ProblemAssert.assertProblem(limited, 429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            assertThat(api.get("/api/v1/deployments/").status()).as("reads have their own budget").isEqualTo(200);
        }
    }

    /** No key to count against: a refused request draws from its address's budget, and its 401 says so. */
    @Test
    void requests_without_a_valid_key_draw_from_their_addresss_limit_and_get_429_past_it() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE,
                c -> c.withLimits(new AppConfig.Limits(1L << 20, 64L << 20, 1, 3)))) {
            Api anonymous = server.api(null);
            for (int i = 0; i < 3; i++) {
                var refused = anonymous.get("/api/v1/deployments/");
                ProblemAssert.assertProblem(refused, 401);
                assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"unauthenticated\";q=1;w=60;burst=3");
                assertThat(refused.header("RateLimit")).startsWith("\"unauthenticated\";r=" + (2 - i) + ";");
            }
            var limited = server.api("mc_guessed").get("/api/v1/deployments/");
            ProblemAssert.assertProblem(limited, 429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            var valid = server.api().get("/api/v1/deployments/");
            assertThat(valid.status()).as("a valid key keeps its own budget").isEqualTo(200);
            assertThat(valid.header("RateLimit-Policy")).startsWith("\"reads\"");
        }
    }

    /** Behind a trusted reverse proxy, each client behind it spends its own budget, not the proxy's. */
    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> c.withLimits(
                new AppConfig.Limits(1L << 20, 64L << 20, 1, 3).withTrustedProxies(List.of("127.0.0.0/8"))))) {
            Api anonymous = server.api(null);
            for (int i = 0; i < 3; i++) {
                ProblemAssert.assertProblem(anonymous.send(from(anonymous, "203.0.113.1")), 401);
            }
            ProblemAssert.assertProblem(anonymous.send(from(anonymous, "203.0.113.1")), 429);
            ProblemAssert.assertProblem(anonymous.send(from(anonymous, "203.0.113.2")), 401);
        }
    }

    @Test
    void without_trusted_proxies_the_forwarded_header_chooses_nothing() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE,
                c -> c.withLimits(new AppConfig.Limits(1L << 20, 64L << 20, 1, 3)))) {
            Api anonymous = server.api(null);
            for (int i = 0; i < 3; i++) {
                ProblemAssert.assertProblem(anonymous.send(from(anonymous, "203.0.113." + i)), 401);
            }
            ProblemAssert.assertProblem(anonymous.send(from(anonymous, "203.0.113.9")), 429);
        }
    }

    private static HttpRequest from(Api api, String forwardedFor) {
        return api.builder("/api/v1/deployments/").header("X-Forwarded-For", forwardedFor).GET().build();
    }
}
