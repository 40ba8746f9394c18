package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void renders_headings_lists_tables_and_code() {
        String html = Markdown.toSafeHtml("## Summary\n\n- one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`");
        assertThat(html).contains("<h2>Summary</h2>", "<li>one</li>", "<table>", "<td>2</td>", "<code>code</code>");
    }

    @Test
    void escapes_raw_html_and_drops_script_urls() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                + "[x](javascript:alert(3)) [ok](https://example.com/a)");
        assertThat(html).doesNotContain("<script", "<img", "javascript:");
        assertThat(html).contains("&lt;script&gt;", "href=\"https://example.com/a\"", "rel=\"");
    }

    @Test
    void empty_reports_render_nothing() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("  ")).isEmpty();
    }
}
