package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void renders_headings_lists_tables_and_code() {
        String html = Markdown.toSafeHtml("## Summary\n\n- one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`");
        assertThat(html).contains("<h3>Summary</h3>", "<li>one</li>", "<table>", "<td>2</td>", "<code>code</code>");
    }

    @Test
    void escapes_raw_html_and_leaves_script_urls_as_inert_text() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                + "[x](javascript:alert(3)) [ok](https://example.com/a)");
        assertThat(html).doesNotContain("<script", "<img", "<a", "href");
        assertThat(html).contains("&lt;script&gt;", "x (javascript:alert(3))");
    }

    @Test
    void shows_a_link_as_its_text_and_address_never_as_a_live_link() {
        String html = Markdown.toSafeHtml("'[Session expired - log in again](https://evil.example/login)' appears "
                + "in 2 lines. See <https://ci.example.com/run/7> and [**docs**](https://docs.example.com/x).");
        assertThat(html).doesNotContain("<a", "href");
        assertThat(html).contains("Session expired - log in again (https://evil.example/login)")
                .contains("See https://ci.example.com/run/7 and").contains("<strong>docs</strong> (https://docs.example.com/x)");
    }

    @Test
    void empty_reports_render_nothing() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("  ")).isEmpty();
    }
}
