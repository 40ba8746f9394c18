package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4Test {

    private static List<String> addresses(String text) {
        List<String> found = new ArrayList<>();
        Ipv4.forEach(text, found::add);
        return found;
    }

    @Test
    void finds_dotted_quads_with_ports_and_brackets_but_not_versions_or_words() {
        assertThat(addresses("rhost=5.36.59.76 upstream: \"http://10.0.3.4:8080/x\", client: [192.168.1.20]."))
                .containsExactly("5.36.59.76", "10.0.3.4", "192.168.1.20");
        assertThat(addresses("version 1.2.3.4.5, 256.1.1.1, 1.2.3, v10.0.0.1, 10.0.0.1a, 10.0.0.1234"))
                .isEmpty();
        assertThat(addresses("from 0.0.0.0")).containsExactly("0.0.0.0");
    }
}
