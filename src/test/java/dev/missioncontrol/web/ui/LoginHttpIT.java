package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The login form spoken to over plain HTTP, as a reverse proxy in front of the server and scripts do. The requests
 * reach the server with Host 127.0.0.1:port, as they do behind nginx's default {@code proxy_set_header Host
 * $proxy_host}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginHttpIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PUBLIC = "https://mc.example.com";

    /** Configured with its public URL; 127.0.0.1 is no trusted proxy. */
    private TestServer withBaseUrl;
    /** Behind a trusted proxy on 127.0.0.1, without a configured public URL. */
    private TestServer behindProxy;

    @BeforeAll
    void start() {
        withBaseUrl = TestServer.start(TestServer.Db.SQLITE, c -> c.withBaseUrl(PUBLIC + "/"));
        behindProxy = TestServer.start(TestServer.Db.SQLITE, trusting("127.0.0.1/32"));
    }

    @AfterAll
    void stop() {
        withBaseUrl.close();
        behindProxy.close();
    }

    @Test
    void accepts_a_login_posted_from_the_configured_public_url_and_refuses_other_sites() throws Exception {
        assertThat(login(withBaseUrl, "Origin", PUBLIC).statusCode()).isEqualTo(303);
        assertThat(login(withBaseUrl, "Origin", "https://mc.example.com:443").statusCode()).isEqualTo(303);
        assertThat(login(withBaseUrl, "Origin", "http://mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(withBaseUrl, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(login(withBaseUrl, "Origin", withBaseUrl.baseUrl()).statusCode()).isEqualTo(303);
        // the forwarded headers count only from a trusted proxy: anyone can send them
        var forged = login(withBaseUrl, "Origin", "https://evil.example", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("sent from another site");
    }

    @Test
    void accepts_a_login_whose_origin_a_trusted_proxy_forwarded() throws Exception {
        var proxied = login(behindProxy, "Origin", PUBLIC, "X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "mc.example.com", "X-Forwarded-For", "203.0.113.9");
        assertThat(proxied.statusCode()).isEqualTo(303);
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith(SessionCookie.NAME + "="));
        assertThat(login(behindProxy, "Origin", "https://evil.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(behindProxy, "Origin", PUBLIC, "X-Forwarded-Proto", "http", "X-Forwarded-Host",
                "mc.example.com").statusCode()).isEqualTo(403);
        assertThat(login(behindProxy, "Origin", PUBLIC).statusCode()).as("no forwarded host").isEqualTo(403);
    }

    static UnaryOperator<AppConfig> trusting(String block) {
        return c -> c.withLimits(c.limits().withTrustedProxies(List.of(block)));
    }

    /** Posts the first admin's right email and password with the given headers (name, value, name, value...). */
    static HttpResponse<String> login(TestServer server, String... headers) throws IOException, InterruptedException {
        var admin = server.app().firstStart();
        String form = "email=" + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
