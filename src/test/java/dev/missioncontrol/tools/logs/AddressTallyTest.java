package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTallyTest {

    private static List<String> addresses(String text) {
        List<String> found = new ArrayList<>();
        AddressTally.forEachAddress(text, found::add);
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

    @Test
    void the_most_named_addresses_come_first_and_a_single_mention_is_left_out() {
        AddressTally tally = new AddressTally();
        for (int i = 0; i < 50; i++) {
            tally.count("5.36.59.76");
        }
        for (int i = 0; i < 15; i++) {
            tally.count("61.197.203.243");
        }
        tally.count("8.8.8.8");
        assertThat(tally.top(3)).extracting(AddressTally.Count::address)
                .containsExactly("5.36.59.76", "61.197.203.243");
        assertThat(tally.top(3).get(0).lines()).isEqualTo(50);
    }

    @Test
    void a_heavy_source_among_more_addresses_than_the_tally_keeps_still_leads() {
        AddressTally tally = new AddressTally();
        for (int i = 0; i < 1000; i++) {
            tally.count(i % 4 == 0 ? "5.36.59.76" : "10.0." + (i / 250) + "." + (i % 250));
        }
        AddressTally.Count top = tally.top(1).get(0);
        assertThat(top.address()).isEqualTo("5.36.59.76");
        assertThat(top.lines() - top.over()).isLessThanOrEqualTo(250).isGreaterThan(200);
        assertThat(top.lines()).isGreaterThanOrEqualTo(250);
    }
}
