package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.testing.Investigations;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the session page does when its login ends under it. */
class SessionLoginLapseIT extends BrowserTestBase {

    @AfterEach
    void no_script_failed() {
        assertThat(ui.chromium.pageErrors).as("uncaught script errors").isEmpty();
    }

    @Test
    void a_live_page_whose_login_ended_goes_to_the_login_page_and_back() {
        Page page = ui.adminPage();
        String id;
        ui.gate.close();
        try {
            id = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Watched while logged out\"}").json()
                    .get("session_id").asText();
            page.navigate("/agents/" + id);
            expect(page.locator("#session-status")).hasText("active");
            logOutInAnotherTab(page);

            page.waitForURL(Pattern.compile(".*/login\\?next=%2Fagents%2F" + id + "$"));
            page.getByLabel("Email").fill(ui.admin().email());
            page.getByLabel("Password").fill(ui.admin().password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL(Pattern.compile(".*/agents/" + id + "$"));
            expect(page.locator("#session-status")).hasText("active");
        } finally {
            ui.gate.open();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_fragment_asked_for_without_a_login_answers_401_with_the_way_to_the_login_page() {
        Page page = ui.adminPage();
        String id = finishedSession();
        page.navigate("/agents/" + id);
        logOutInAnotherTab(page);

        Object answer = page.evaluate("url => fetch(url, {headers: {'HX-Request': 'true', 'HX-Current-URL': "
                + "location.origin + '/agents/" + id + "?tab=1#event-2'}, redirect: 'manual'})"
                + ".then(r => [r.status, r.headers.get('HX-Redirect')])", "/agents/" + id + "/timeline?after=3");
        assertThat((List<Object>) answer).containsExactly(401, "/login?next=%2Fagents%2F" + id + "%3Ftab%3D1");
    }

    private String finishedSession() {
        String id = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Login lapse\"}").json()
                .get("session_id").asText();
        new Investigations(ui.api()).awaitReport(id, Duration.ofSeconds(30));
        return id;
    }

    /** Ends the login the page's tab shares, as a person logging out in another tab does. */
    private static void logOutInAnotherTab(Page page) {
        Page other = page.context().newPage();
        other.navigate("/");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        other.waitForURL(Pattern.compile(".*/login.*"));
        other.close();
    }
}
