package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTallyTest {

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
