package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** What developers typed and what logs said enters the report's prose as text, never as markup. */
class ReportProseTest {
    private static final String MESSAGE = "Fix [login](https://evil.example/phish) ![x](https://evil.example/t.png) "
            + "<img src=x onerror=alert(1)> <https://evil.example>\nsecond line";

    private static final DeploymentSeen SEEN = new DeploymentSeen("dep1", "acme/web", "success",
            Instant.parse("2026-11-29T10:00:00Z"), "0123456789abcdef", MESSAGE, "Deploy web", null);

    @Test
    void a_commit_message_in_report_prose_renders_as_its_own_text_and_never_as_a_link_image_or_html() {
        String prose = SEEN.prose();
        String markdown = "The " + prose + ", which landed 3m before the first error";
        Node doc = Parser.builder().build().parse(markdown);

        assertThat(AnalystBrainTest.liveMarkup(markdown)).isEmpty();
        assertThat(text(doc)).contains("Fix [login](https://evil.example/phish)").doesNotContain("second line");
    }

    @Test
    void a_quote_keeps_the_commit_message_verbatim() {
        assertThat(SEEN.describe()).isEqualTo("deployment dep1 of acme/web, commit 0123456789ab (\"Fix "
                + "[login](https://evil.example/phish) ![x](https://evil.example/t.png) <img src=x onerror=alert(1)> "
                + "<https://evil.example>\")");
    }

    @Test
    void a_trend_label_from_a_log_line_renders_as_its_own_text() {
        var trend = Json.object().put("template_id", "t1")
                .put("label", "disk [full](https://evil.example)").put("unit", "%").put("readings", 12)
                .put("first_value", 80).put("last_value", 96).put("per", "minute").put("change_per", 1.5)
                .put("r2", 0.98).put("source", "context.logs");
        TrendSeen seen = TrendSeen.from(trend);
        String markdown = "Trend: " + seen.describe();
        Node doc = Parser.builder().build().parse(markdown);

        assertThat(AnalystBrainTest.liveMarkup(markdown)).isEmpty();
        assertThat(text(doc)).contains("disk [full](https://evil.example) climbed from 80% to 96%");
    }

    private static String text(Node doc) {
        StringBuilder b = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                b.append(text.getLiteral());
            }
        });
        return b.toString();
    }
}
