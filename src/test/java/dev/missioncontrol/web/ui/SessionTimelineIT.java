package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.SessionPageIT.startInvestigation;
import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the timeline reads: quoted evidence, the agent's answers and the report, in a real browser. */
class SessionTimelineIT extends BrowserTestBase {

    @Test
    void shows_each_piece_of_evidence_as_its_source_line_time_and_quoted_text() {
        Page page = ui.adminPage();
        startInvestigation(page, "Evidence please", "", null);
        expect(page.locator("#session-status")).hasText("completed");

        Locator quote = page.locator("#timeline > li.ev-finding ul.evidence > li").nth(1);
        expect(quote.locator(".ev-where")).hasText("context.logs, line 80001");
        expect(quote.locator("time")).hasAttribute("datetime", "2026-03-01T10:00:03Z");
        expect(quote.locator("time")).hasText("2026-03-01 10:00:03 UTC");
        expect(quote.locator("code")).hasText(InvestigationBrain.JSON_LOG_LINE);
        expect(page.locator("#timeline > li.ev-finding")).not().containsText("\"source\"");
        // a quote recorded as a plain string is still shown whole
        expect(page.locator("#timeline > li.ev-finding ul.evidence > li").first().locator("code"))
                .hasText("2026-03-01T10:00:03Z ERROR pool exhausted (app.log)");
    }

    @Test
    void renders_the_agents_answer_as_markdown_and_what_it_echoes_inert() {
        Page page = ui.adminPage();
        startInvestigation(page, "Answers", "", null);
        expect(page.locator("#session-status")).hasText("completed");

        page.getByLabel("Message the agent").fill("Was it <img src=x onerror=\"alert('answer')\"> the `deploy`?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        Locator answer = page.locator("#timeline > li.ev-message.from-agent");
        expect(answer.locator("ul > li")).hasText(new String[] {"checked the pool size", "nothing else changed"});
        expect(answer.locator("ul code")).hasText("pool");
        assertThat(answer.innerText()).doesNotContain("- checked").contains("<img src=x onerror=");
        assertThat(answer.locator("img").count()).isZero();
        // the person's own message is shown as typed, backticks and all
        expect(page.locator("#timeline > li.ev-message.from-user")).containsText("the `deploy`?");
        assertThat(ui.chromium.dialogs).isEmpty();
    }

    @Test
    void shows_the_report_once_in_its_panel_and_links_to_it_from_the_timeline() {
        Page page = ui.adminPage();
        ui.gate.close();
        try {
            startInvestigation(page, "One report", "", null);
            expect(page.locator("#timeline > li.ev-tool_call")).hasCount(1);
        } finally {
            ui.gate.open();
        }
        // arrived live, then again as the page renders it whole
        for (int pass = 0; pass < 2; pass++) {
            expect(page.locator("#timeline > li.ev-report")).hasCount(1);
            expect(page.locator("#report .prose h3").first()).hasText("Summary");
            expect(page.locator("main .prose h3", new Page.LocatorOptions().setHasText("Summary"))).hasCount(1);
            expect(page.locator("#timeline > li.ev-report .prose")).hasCount(0);
            page.reload();
        }
        page.locator("#timeline > li.ev-report").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Read the report")).click();
        page.waitForURL(Pattern.compile(".*#report$"));
    }
}
