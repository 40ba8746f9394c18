package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void a_trusted_proxy_names_the_client_and_each_proxy_vouches_for_the_one_before() {
        assertThat(behindProxies.of("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("10.0.0.5", List.of("198.51.100.1, 203.0.113.7, 10.1.1.1")))
                .as("the nearest untrusted entry; what the client wrote before it is not believed")
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("fd00::2", List.of("[2001:db8::9]:4431"))).isEqualTo("2001:db8::9");
        assertThat(behindProxies.of("10.0.0.5", List.of("203.0.113.7:5123"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anyone_else_cannot_choose_their_address_with_the_header() {
        assertThat(behindProxies.of("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(new ClientAddress(List.of()).of("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void a_name_or_junk_in_the_header_ends_the_walk_at_the_last_address_vouched_for() {
        assertThat(behindProxies.of("10.0.0.5", List.of("evil.example"))).isEqualTo("10.0.0.5");
        assertThat(behindProxies.of("10.0.0.5", List.of("unknown, 10.0.0.6"))).isEqualTo("10.0.0.6");
        assertThat(behindProxies.of("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void limits_count_an_ipv6_client_by_its_64_network_and_an_ipv4_client_by_its_address() {
        assertThat(ClientAddress.limitKey("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.limitKey("2001:db8:1:2::ffff"))
                .isNotEqualTo(ClientAddress.limitKey("2001:db8:1:3::1"));
        assertThat(ClientAddress.limitKey("[2001:db8:1:2::9]")).isEqualTo(ClientAddress.limitKey("2001:db8:1:2::1"));
        assertThat(ClientAddress.limitKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void refuses_a_block_that_is_no_block() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
