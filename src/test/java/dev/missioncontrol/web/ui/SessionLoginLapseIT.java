package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.testing.Investigations;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the session page does when its login ends or changes under it, and when a message is refused. */
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

    @Test
    void a_message_of_only_spaces_is_refused_next_to_the_box_and_the_text_stays() {
        Page page = sessionPage();
        Locator box = page.getByLabel("Message the agent");
        box.fill("   ");
        send(page);
        expect(refusal(page)).hasText("Write a message first.");
        expect(page.getByLabel("Message the agent")).hasValue("   ");
    }

    @Test
    void a_message_sent_after_logging_in_again_elsewhere_says_to_reload_and_keeps_the_text() {
        Page page = sessionPage();
        holdStill(page);
        logOutInAnotherTab(page);
        UiHarness.login(page.context().newPage(), ui.admin().email(), ui.admin().password());

        page.getByLabel("Message the agent").fill("Is the cache cold?");
        send(page);
        expect(refusal(page)).containsText("reload the page");
        expect(page.getByLabel("Message the agent")).hasValue("Is the cache cold?");
    }

    @Test
    void a_message_sent_after_the_login_ended_says_so_and_keeps_the_text() {
        String id = finishedSession();
        Page page = sessionPage(id);
        holdStill(page);
        logOutInAnotherTab(page);

        page.getByLabel("Message the agent").fill("Still there?");
        send(page);
        expect(refusal(page)).containsText("Your login has expired");
        expect(page.getByLabel("Message the agent")).hasValue("Still there?");
        assertThat(page.url()).endsWith("/agents/" + id);
        expect(page.locator("#timeline form")).hasCount(0);
    }

    /** The chat form's alert, which must be in sight, not merely in the page. */
    private static Locator refusal(Page page) {
        Locator alert = page.locator("#chat [role=alert]");
        expect(alert).isVisible();
        return alert;
    }

    private Page sessionPage() {
        return sessionPage(finishedSession());
    }

    private Page sessionPage(String id) {
        Page page = ui.adminPage();
        page.navigate("/agents/" + id);
        expect(page.locator("#session-status")).hasText("completed");
        return page;
    }

    private String finishedSession() {
        String id = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Login lapse\"}").json()
                .get("session_id").asText();
        new Investigations(ui.api()).awaitReport(id, Duration.ofSeconds(30));
        return id;
    }

    /**
     * Hidden, a page of an ended session does not ask the server by itself; asked while logged out, it would go to
     * the login page before the test's send. Only the visibility state is changed: the test can still type.
     */
    private static void holdStill(Page page) {
        page.evaluate("() => Object.defineProperty(document, 'visibilityState', {get: () => 'hidden'})");
    }

    /** Ends the login the page's tab shares, as a person logging out in another tab does. */
    private static void logOutInAnotherTab(Page page) {
        Page other = page.context().newPage();
        other.navigate("/");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        other.waitForURL(Pattern.compile(".*/login.*"));
        other.close();
    }

    private static void send(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    }
}
