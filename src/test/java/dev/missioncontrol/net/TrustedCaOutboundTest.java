package dev.missioncontrol.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.testing.SelfSignedTls;
import dev.missioncontrol.testing.StubHttpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's outbound calls (Prometheus, webhook receivers) to a host behind a certificate an internal CA signed:
 * refused with what to do, then trusted once {@code --ca-cert} installed the CA, while the JDK's authorities stay.
 */
class TrustedCaOutboundTest {
    @TempDir
    Path dir;

    @Test
    void an_internal_cas_certificate_is_refused_with_the_setting_to_use_then_trusted_once_installed() throws Exception {
        SelfSignedTls tls = SelfSignedTls.in(dir);
        Destinations loopback = new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8", "::1/128")),
                HostResolver.system());
        SSLContext jdkDefault = SSLContext.getDefault();
        try (StubHttpServer prometheus = new StubHttpServer(tls.serverContext(),
                x -> StubHttpServer.reply(x, 200, "{\"status\":\"success\"}"))) {
            URI query = URI.create(prometheus.baseUrl("localhost") + "/api/v1/query?query=up");
            try (OutboundHttp jdkOnly = new OutboundHttp(loopback, OutboundHttp.Caps.defaults())) {
                assertThatThrownBy(() -> jdkOnly.get(query)).isInstanceOf(OutboundHttp.OutboundFailure.class)
                        .hasMessage("TLS failed: its certificate is not signed by an authority trusted here "
                                + "(--ca-cert or MC_CA_CERT adds the CA that signed it)");
            }

            TrustedCa.install(tls.pem());
            try (OutboundHttp trusting = new OutboundHttp(loopback, OutboundHttp.Caps.defaults())) {
                assertThat(trusting.get(query).status()).isEqualTo(200);
            }
        } finally {
            SSLContext.setDefault(jdkDefault);
        }
    }

    @Test
    void the_jdks_authorities_stay_trusted_beside_the_file() throws Exception {
        SelfSignedTls tls = SelfSignedTls.in(dir);
        List<X509Certificate> jdk = List.of(TrustedCa.jdkAuthorities().getAcceptedIssuers());
        X509Certificate own;
        try (var in = Files.newInputStream(tls.pem())) {
            own = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }

        List<X509Certificate> trusted = List.of(TrustedCa.trusting(tls.pem()).getAcceptedIssuers());

        assertThat(jdk).as("the JDK ships authorities").hasSizeGreaterThan(10).doesNotContain(own);
        assertThat(trusted).containsAll(jdk).contains(own).hasSize(jdk.size() + 1);
    }
}
