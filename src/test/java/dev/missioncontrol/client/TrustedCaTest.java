package dev.missioncontrol.client;

import static dev.missioncontrol.client.ClientErrorsTest.assertOneLineFailure;
import static dev.missioncontrol.client.ClientErrorsTest.missionctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.deployments.DeployCommand;
import dev.missioncontrol.testing.SelfSignedTls;
import dev.missioncontrol.testing.StubHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI against a server behind a certificate no JDK trusts, as a self-hosted server behind an internal CA is:
 * refused with what to do, then trusted through {@code --ca-cert} / {@code MC_CA_CERT}. The certificate is made by
 * the JDK's keytool for {@code localhost} only ({@link SelfSignedTls}).
 */
class TrustedCaTest {
    @TempDir
    static Path dir;
    private static Path pem;
    private static StubHttpServer server;

    @BeforeAll
    static void serveOverTls() throws Exception {
        SelfSignedTls tls = SelfSignedTls.in(dir);
        pem = tls.pem();
        server = new StubHttpServer(tls.serverContext(), x -> StubHttpServer.reply(x, x.getRequestMethod().equals("POST")
                ? 201 : 200, x.getRequestMethod().equals("POST") ? "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}"
                : "{\"results\":[],\"count\":0}", "Content-Type", "application/json"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_certificate_no_trusted_authority_signed_is_refused_with_what_to_pass_and_not_retried() {
        ApiClient client = new ApiClient(server.baseUrl("localhost"), "mc_test");

        assertThatThrownBy(() -> client.get("/api/v1/agent-sessions/")).isInstanceOfSatisfying(ClientException.class,
                e -> {
                    assertThat(e.getMessage()).contains("is not signed by an authority trusted here")
                            .contains("--ca-cert or MC_CA_CERT").doesNotContain("PKIX");
                    assertThat(e.isTransient()).as("trying again changes nothing").isFalse();
                });
        assertOneLineFailure(missionctl("sessions", "--url", server.baseUrl("localhost"), "--api-key", "mc_test"),
                "--ca-cert or MC_CA_CERT");
        assertOneLineFailure(missionctl("sessions", "--url", server.baseUrl("localhost"), "--api-key", "mc_test",
                "--ca-cert", ""), "is not signed by an authority trusted here");
    }

    @Test
    void the_pem_given_is_trusted_besides_the_jdks_authorities() {
        ApiClient client = new ApiClient(server.baseUrl("localhost"), "mc_test", pem);

        assertThat(client.get("/api/v1/agent-sessions/").path("count").asInt(-1)).isZero();
        assertThat(missionctl("sessions", "--url", server.baseUrl("localhost"), "--api-key", "mc_test",
                "--ca-cert", pem.toString()).exit()).isZero();
    }

    @Test
    void deploy_reads_the_pem_from_mc_ca_cert() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DeployCommand(Map.of("MC_URL", server.baseUrl("localhost"), "MC_API_KEY",
                "mc_test", "MC_CA_CERT", pem.toString()))).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute("--repository", "acme/web", "--sha", "abc1234");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Deployment d1 recorded");
    }

    @Test
    void a_certificate_for_another_host_name_says_so() {
        ApiClient client = new ApiClient(server.baseUrl("127.0.0.1"), "mc_test", pem);

        assertThatThrownBy(() -> client.get("/api/v1/agent-sessions/")).isInstanceOf(ClientException.class)
                .hasMessageContaining("does not name that host");
    }

    @Test
    void an_expired_certificate_says_so_rather_than_asking_for_its_ca() throws Exception {
        SelfSignedTls expired = SelfSignedTls.expiredUnderCa(dir);
        try (StubHttpServer stale = new StubHttpServer(expired.serverContext(),
                x -> StubHttpServer.reply(x, 200, "{}"))) {
            ApiClient client = new ApiClient(stale.baseUrl("localhost"), "mc_test", expired.pem());

            assertThatThrownBy(() -> client.get("/api/v1/agent-sessions/")).isInstanceOf(ClientException.class)
                    .hasMessageContaining("has expired or is not valid yet").hasMessageNotContaining("pass the PEM");
        }
    }

    @Test
    void a_private_key_given_for_the_ca_is_named_as_one() throws IOException {
        Path key = Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\nMIIBVQ==\n"
                + "-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new ApiClient(server.baseUrl("localhost"), "mc_test", key))
                .isInstanceOf(ClientException.class).hasMessageContaining("holds a private key, not the certificate");
    }

    @Test
    void a_file_without_a_certificate_is_refused_before_any_request() throws IOException {
        Path notPem = Files.writeString(dir.resolve("key.txt"), "not a certificate\n");

        assertThatThrownBy(() -> new ApiClient(server.baseUrl("localhost"), "mc_test", notPem))
                .isInstanceOf(ClientException.class).hasMessageContaining("--ca-cert (MC_CA_CERT) " + notPem);
        assertOneLineFailure(missionctl("sessions", "--url", server.baseUrl("localhost"), "--api-key", "mc_test",
                "--ca-cert", dir.resolve("missing.pem").toString()), "is not a readable file");
    }
}
