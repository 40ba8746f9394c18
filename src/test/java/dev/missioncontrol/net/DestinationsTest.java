package dev.missioncontrol.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard: which outbound URLs are refused, and that calls go to the address that was checked. */
class DestinationsTest {
    /** Fake DNS: the names these tests use, and nothing else. */
    private static final HostResolver FAKE_DNS = host -> switch (host) {
        case "internal.example" -> List.of(InetAddress.getByName("10.1.2.3"));
        case "mixed.example" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.1"));
        case "hooks.example" -> List.of(InetAddress.getByName("93.184.216.34"));
        case "receiver.test" -> List.of(InetAddress.getByName("127.0.0.1"));
        default -> throw new UnknownHostException(host);
    };
    private final Destinations guarded = new Destinations(AddressPolicy.allowing(List.of()), FAKE_DNS);

    /** A DNS server that never answers holds no webhook attempt or monitor check past the lookup's bound. */
    @Test
    void a_lookup_that_gets_no_answer_is_given_up_as_a_name_that_does_not_resolve() {
        HostResolver silent = HostResolver.bounded(host -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(InetAddress.getByName("93.184.216.34"));
        }, Duration.ofMillis(200));
        long started = System.nanoTime();
        assertThatThrownBy(() -> new Destinations(AddressPolicy.allowing(List.of()), silent)
                .check("https://hooks.example/hook")).isInstanceOf(DeniedDestination.class)
                .hasMessage("does not resolve: hooks.example (DNS gave no answer within 200 ms)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://[::1]/", "http://0x7f000001/", "http://2130706433/",
        "http://169.254.169.254/latest/meta-data/", "http://internal.example/hook", "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://0.0.0.0/",
        "http://100.64.0.1/", "http://224.0.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[ff02::1]/",
        "http://192.168.0.10:8080/", "http://172.16.5.4/", "http://mixed.example/", "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::1]/", "http://[2002:a00:1::]/", "http://[::ffff:0:7f00:1]/", "http://[64:ff9b:1::7f00:1]/",
        "http://[fec0::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[100::1]/"})
    void refuses_private_loopback_link_local_and_reserved_destinations(String url) {
        assertThatThrownBy(() -> guarded.check(url)).isInstanceOf(DeniedDestination.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example/", "file:///etc/passwd", "http://user:pw@hooks.example/",
        "http://unknown.invalid/", "not a url",
        "http://127.1/", "http://1.1.1.1:0/", "https://hooks.example:0/hook", "http://1.1.1.1:65536/"})
    void refuses_other_schemes_credentials_unusable_ports_and_names_that_do_not_resolve(String url) {
        assertThatThrownBy(() -> guarded.check(url)).isInstanceOf(DeniedDestination.class);
    }

    @Test
    void a_shortened_ip_address_is_refused_as_one_rather_than_as_a_url_without_a_host() {
        assertThatThrownBy(() -> guarded.check("http://127.1:9090/")).hasMessage("names its host as '127.1:9090', "
                + "which is neither a host name nor an IP address in full (such as 10.0.0.1 or prometheus.internal)");
        assertThatThrownBy(() -> guarded.check("http://user:s3cret@127.1/")).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> guarded.check("http:///path")).hasMessage("has no host");
    }

    @Test
    void a_host_name_outside_ascii_is_refused_with_its_idna_form_to_write_instead() {
        assertThatThrownBy(() -> guarded.check("https://bücher.example:8443/hook")).hasMessageEndingWith("; a name "
                + "with letters outside ASCII is written in its IDNA form, here 'xn--bcher-kva.example'");
    }

    @Test
    void an_unparsable_url_is_explained_by_the_character_counted_from_one() {
        assertThatThrownBy(() -> guarded.check("https://hooks.example/x?a b"))
                .hasMessage("is not a URL: illegal character in query (a space, character 26); percent-encode it, "
                        + "e.g. a space as %20");
    }

    @Test
    void allows_public_addresses_and_blocks_an_admin_allowed() {
        assertThat(guarded.check("https://hooks.example/services/T0/B0/x").getHost()).isEqualTo("hooks.example");
        assertThat(guarded.check("http://[2002:5db8:d822::1]/").getHost()).as("6to4 of a public address")
                .isEqualTo("[2002:5db8:d822::1]");
        Destinations allowing = new Destinations(AddressPolicy.allowing(List.of("10.0.0.0/8", "::1/128")), FAKE_DNS);
        assertThat(allowing.check("http://internal.example/").getHost()).isEqualTo("internal.example");
        assertThat(allowing.check("http://[::1]:9090/").getPort()).isEqualTo(9090);
        assertThatThrownBy(() -> allowing.check("http://127.0.0.1/")).isInstanceOf(DeniedDestination.class);
    }

    @Test
    void connects_to_the_checked_address_keeps_the_host_name_and_never_follows_redirects() throws Exception {
        AtomicReference<String> host = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        Destinations loopback = new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")), FAKE_DNS);
        try (OutboundHttp http = new OutboundHttp(loopback, OutboundHttp.Caps.defaults())) {
            int port = server.getAddress().getPort();
            OutboundHttp.Reply reply = http.postJson(URI.create("http://receiver.test:" + port + "/hook"), Map.of(), "{}");
            assertThat(reply.status()).isEqualTo(302);
            assertThat(host.get()).isEqualTo("receiver.test:" + port);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void caps_the_response_size_and_the_wait() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[64 * 1024]);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        Destinations loopback = new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")), FAKE_DNS);
        var caps = new OutboundHttp.Caps(Duration.ofSeconds(1), Duration.ofMillis(500), 1024);
        try (OutboundHttp http = new OutboundHttp(loopback, caps)) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> http.get(URI.create(base + "/big"))).isInstanceOf(OutboundHttp.OutboundFailure.class);
            assertThatThrownBy(() -> http.get(URI.create(base + "/slow"))).isInstanceOf(OutboundHttp.OutboundFailure.class);
        } finally {
            server.stop(0);
        }
    }
}
