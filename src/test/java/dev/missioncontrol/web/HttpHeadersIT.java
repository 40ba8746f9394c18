package dev.missioncontrol.web;

import static dev.missioncontrol.web.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Response headers the HTTP standards ask for, on the API and on the UI's pages alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHeadersIT {
    private static final String DEPLOY = ApiContract.DEPLOY;
    private TestServer server;
    private Api api;

    @BeforeAll
    void startServer() {
        server = TestServer.start(TestServer.Db.SQLITE);
        api = server.api();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** RFC 9110: a 405 says which methods the path does answer, read from the routes themselves. */
    @Test
    void a_405_names_the_methods_the_path_answers_in_allow() {
        var put = api.send(api.builder(DEPLOY).PUT(BodyPublishers.noBody()).build());
        assertProblem(put, 405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD, POST");
        assertThat(api.send(api.builder(DEPLOY).method("HEAD", BodyPublishers.noBody()).build()).status())
                .as("HEAD is answered where GET is").isEqualTo(200);
        var delete = api.send(api.builder(ApiContract.SESSIONS + "00000000-0000-7000-8000-000000000000/cancel/")
                .DELETE().build());
        assertProblem(delete, 405);
        assertThat(delete.header("Allow")).isEqualTo("POST");
        var page = api.send(api.builder("/login").header("Accept", "text/html").DELETE().build());
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Allow")).isEqualTo("GET, HEAD, POST");
    }

    /** HSTS over HTTPS only, counting a TLS-terminating proxy's X-Forwarded-Proto as the login page does. */
    @Test
    void strict_transport_security_is_sent_only_over_https() {
        assertThat(api.get(DEPLOY).header("Strict-Transport-Security")).as("plain HTTP").isNull();
        assertThat(forwarded(DEPLOY, "http").header("Strict-Transport-Security")).isNull();
        assertThat(forwarded(DEPLOY, "https").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(forwarded("/login", "https, http").header("Strict-Transport-Security"))
                .as("the first proxy's entry is the browser's side").isEqualTo("max-age=31536000");
    }

    private Api.Reply forwarded(String path, String proto) {
        return api.send(api.builder(path).header("X-Forwarded-Proto", proto).GET().build());
    }
}
