package dev.missioncontrol.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void a_block_holds_the_addresses_under_its_prefix() throws UnknownHostException {
        Cidr block = Cidr.parse("10.1.0.0/16");

        assertThat(block.contains(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("::ffff:0a01:0001"))).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(InetAddress.getByName("10.1.0.1"))).isFalse();
        assertThat(Cidr.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.8"))).isFalse();
    }

    /**
     * Names are refused before any lookup: a block made of hex letters reads like an address without its colons, and
     * a DNS answer at start-up must not decide which addresses a webhook may reach or which proxies are believed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cafe", "beef/16", "add", "example.com/24", "localhost"})
    void a_name_is_refused_without_a_lookup(String text) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an address block")
                .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/x", "1.2.3.4.5", "172.16/12",
            "10/8", "10.1.2/24", "2130706433"})
    void a_bad_prefix_or_address_is_refused(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
