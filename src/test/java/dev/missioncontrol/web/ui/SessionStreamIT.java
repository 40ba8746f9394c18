package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.SessionPageIT.startInvestigation;
import static dev.missioncontrol.web.ui.UiHarness.expect;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** How session pages follow the live timeline across tabs, in a real browser. */
class SessionStreamIT extends BrowserTestBase {

    @Test
    void a_second_tab_learns_that_the_session_ended_without_a_report() {
        Page first = ui.adminPage();
        ui.gate.close();
        try {
            startInvestigation(first, "Cancelled from another tab", "", null);
            Page second = first.context().newPage();
            second.navigate(first.url());
            expect(second.locator("#report")).containsText("has not written its report yet");

            first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel session")).click();

            expect(second.locator("#session-status")).hasText("cancelled");
            expect(second.locator("#report"))
                    .containsText("The session ended (cancelled) before the agent wrote a report");
        } finally {
            ui.gate.open();
        }
    }
}
