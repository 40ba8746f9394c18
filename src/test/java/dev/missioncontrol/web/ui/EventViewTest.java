package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventViewTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static EventView finding(String evidenceJson) {
        return new EventView(3, "finding", "The pool ran out", NOW,
                Json.read("{\"evidence\":" + evidenceJson + "}"), null);
    }

    @Test
    void reads_the_analysts_quotes_as_source_line_time_and_text() {
        var quotes = finding("[{\"source\":\"context.logs\",\"line\":80001,\"timestamp\":\"2026-03-01T10:00:03Z\","
                + "\"text\":\"{\\\"msg\\\":\\\"pool exhausted\\\"}\"}]").evidence();
        assertThat(quotes).containsExactly(new Evidence("context.logs", 80_001,
                Instant.parse("2026-03-01T10:00:03Z"), "{\"msg\":\"pool exhausted\"}"));
        assertThat(quotes.getFirst().where()).isEqualTo("context.logs, line 80001");
    }

    @Test
    void keeps_plain_strings_and_unknown_shapes_whole() {
        assertThat(finding("[\"ERROR pool exhausted\", {\"file\":\"app.log\"}]").evidence())
                .extracting(Evidence::text).containsExactly("ERROR pool exhausted", "{\"file\":\"app.log\"}");
        assertThat(finding("\"just one line\"").evidence()).extracting(Evidence::where, Evidence::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", null));
        assertThat(finding("[{\"text\":\"a\",\"timestamp\":\"yesterday\"}]").evidence().getFirst().at()).isNull();
    }

    @Test
    void renders_the_agents_answer_as_safe_markdown_and_leaves_a_persons_message_as_typed() {
        var answer = new EventView(5, "message", "Two things:\n\n- the `pool`\n- <b onclick=x>load</b>", NOW,
                Json.object().put("role", "agent"), null);
        assertThat(answer.fromUser()).isFalse();
        assertThat(answer.answerHtml()).contains("<li>the <code>pool</code></li>").doesNotContain("<b")
                .contains("&lt;b onclick&#61;x&gt;");
        var typed = new EventView(4, "message", "- mine", NOW, Json.object().put("role", "user"), null);
        assertThat(typed.fromUser()).isTrue();
    }

    @Test
    void labels_a_message_sent_before_senders_were_recorded_neutrally_not_as_the_viewers() {
        var old = new EventView(4, "message", "hello", NOW, Json.object().put("role", "user"), "user-1");
        assertThat(old.label()).isEqualTo("user");
    }
}
