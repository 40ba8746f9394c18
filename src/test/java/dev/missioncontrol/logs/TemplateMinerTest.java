package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    private final TemplateMiner miner = new TemplateMiner();

    @Test
    void groups_messages_that_differ_only_in_values() {
        int a = miner.add("Received block blk_123 of size 67108864 from /10.0.0.1");
        int b = miner.add("Received block blk_-98 of size 512 from /10.0.0.2");
        assertThat(a).isEqualTo(b);
        assertThat(miner.template(a).text()).isEqualTo("Received block blk_<*> of size <*> from <*>");
        assertThat(miner.template(a).count()).isEqualTo(2);
    }

    @Test
    void separates_messages_that_differ_in_their_wording() {
        int opened = miner.add("session opened for user root");
        int closed = miner.add("session closed for user root");
        int failed = miner.add("connection failed after retry");
        assertThat(opened).isNotEqualTo(closed).isNotEqualTo(failed);
        assertThat(miner.templates()).hasSize(3);
    }

    @Test
    void turns_a_differing_word_into_a_wildcard_when_most_words_agree() {
        int a = miner.add("Invalid user webmaster from host port closed now");
        int b = miner.add("Invalid user admin from host port closed now");
        assertThat(a).isEqualTo(b);
        assertThat(miner.template(a).text()).isEqualTo("Invalid user <*> from host port closed now");
    }

    @Test
    void keeps_the_field_name_when_key_value_pairs_differ() {
        int a = miner.add("auth failure logname= uid=0 tty=ssh user=root");
        miner.add("auth failure logname= uid=0 tty=ssh user=guest");
        assertThat(miner.template(a).text()).isEqualTo("auth failure logname= uid=<*> tty=ssh user=<*>");
    }

    @Test
    void treats_a_number_and_its_unit_as_one_value() {
        int a = miner.add("estimated size 16.0 B, free 413.9 MB)");
        int b = miner.add("estimated size 2.1 KB, free 12 GB)");
        assertThat(a).isEqualTo(b);
        assertThat(miner.template(a).text()).isEqualTo("estimated size <*>, free <*>)");
    }

    @Test
    void gives_empty_messages_one_template() {
        assertThat(miner.add("")).isEqualTo(miner.add("   "));
    }

    @Test
    void keeps_a_bounded_number_of_templates_when_the_words_after_a_shared_start_are_random() {
        List<String> lines = RandomTailLines.of(1_000);
        List<Integer> ids = lines.stream().map(miner::add).toList();

        assertThat(miner.templates()).hasSize(TemplateMiner.MAX_TEMPLATES_PER_LEAF + 1);
        Template catchAll = miner.templates().get(TemplateMiner.MAX_TEMPLATES_PER_LEAF);
        assertThat(catchAll.catchAll()).isTrue();
        assertThat(catchAll.count()).isEqualTo(lines.size() - TemplateMiner.MAX_TEMPLATES_PER_LEAF);
        assertThat(catchAll.text()).isEqualTo("<*> ERROR request failed <*> <*> <*> <*> <*> <*>");
        for (int i = 0; i < lines.size(); i++) {
            // every line still lands in a template whose wildcards cover the words it does not share
            String[] tokens = TemplateMiner.tokenize(lines.get(i));
            assertThat(TemplateMiner.misfits(miner.template(ids.get(i)), tokens, tokens.length)).as(lines.get(i))
                    .isZero();
        }
        assertThat(miner.templates().stream().filter(Template::catchAll)).containsExactly(catchAll);
    }

    @Test
    void a_full_leaf_still_gives_a_fitting_line_its_own_template_rather_than_the_catch_all() {
        List<String> lines = RandomTailLines.of(300);
        lines.forEach(miner::add);

        int again = miner.add(lines.get(7).replace("2025-06-15T13:00:00Z", "2025-06-15T14:30:00Z"));

        assertThat(again).isEqualTo(8);
        assertThat(miner.template(again).catchAll()).isFalse();
    }

    @Property
    void the_same_message_with_other_numbers_maps_to_the_same_template(
            @ForAll @IntRange(min = 0, max = 1_000_000) int first, @ForAll @IntRange(min = 0) int second) {
        TemplateMiner fresh = new TemplateMiner();
        int a = fresh.add("worker " + first + " finished job in " + first + "ms with status ok");
        int b = fresh.add("worker " + second + " finished job in " + second + "ms with status ok");
        assertThat(a).isEqualTo(b);
        assertThat(fresh.template(a).text()).isEqualTo("worker <*> finished job in <*> with status ok");
    }
}
