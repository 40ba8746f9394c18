package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderFormatTest {

    @Test
    void splits_a_line_into_the_named_fields() {
        HeaderFormat format = HeaderFormat.parse("<Date> <Time> <Pid> <Level> <Component>: <Content>");
        var fields = format.fields("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 done\r");
        assertThat(fields).containsEntry("Level", "INFO").containsEntry("Component", "dfs.DataNode$PacketResponder")
                .containsEntry("Content", "PacketResponder 1 done");
    }

    @Test
    void lets_runs_of_spaces_match_any_whitespace_and_keeps_regex_parts() {
        HeaderFormat format = HeaderFormat.parse("<Month>  <Date> <Time> <Component>(\\[<PID>\\])?: <Content>");
        assertThat(format.content("Jul  1 09:00:55 kernel[0]: started")).isEqualTo("started");
        assertThat(format.content("Jul 1 09:00:55 kernel: started")).isEqualTo("started");
    }

    @Test
    void answers_null_for_a_line_of_another_shape() {
        HeaderFormat format = HeaderFormat.parse("<Time>\\|<Component>\\|<Pid>\\|<Content>");
        assertThat(format.content("no pipes here")).isNull();
    }

    @Test
    void rejects_a_format_without_content() {
        assertThatThrownBy(() -> HeaderFormat.parse("<Date> <Time>")).isInstanceOf(IllegalArgumentException.class);
    }
}
