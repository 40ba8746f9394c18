package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.SessionPageIT.startInvestigation;
import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.testing.Investigations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How session pages follow the live timeline, in a real browser. Chromium opens at most six connections per host over
 * HTTP/1.1, so every stream a page holds is one fewer for loading pages: tabs must hold only the streams they need.
 */
class SessionStreamIT extends BrowserTestBase {
    private static final int CONNECTIONS_PER_HOST = 6;
    /** Far longer than a page of this server takes to load, far shorter than the harness's 20 s. */
    private static final Page.NavigateOptions LOADS_AT_ONCE = new Page.NavigateOptions().setTimeout(8_000);

    @AfterEach
    void no_script_failed() {
        assertThat(ui.chromium.pageErrors).as("uncaught script errors").isEmpty();
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    @Test
    void tabs_of_ended_sessions_hold_no_stream_so_a_seventh_tab_still_loads() {
        String id = finishedSession();
        BrowserContext browser = ui.adminPage().context();
        for (int i = 0; i <= CONNECTIONS_PER_HOST; i++) {
            Page tab = browser.newPage();
            tab.navigate("/agents/" + id, LOADS_AT_ONCE);
            expect(tab.locator("#session-status")).hasText("completed");
        }
        browser.newPage().navigate("/agents", LOADS_AT_ONCE);
    }

    @Test
    void hidden_tabs_let_go_of_their_streams_and_catch_up_when_shown_again() {
        BrowserContext browser = ui.adminPage().context();
        List<Page> tabs = new ArrayList<>();
        String id;
        ui.gate.close();
        try {
            id = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Many tabs\"}").json().get("session_id")
                    .asText();
            for (int i = 0; i <= CONNECTIONS_PER_HOST; i++) {
                Page tab = browser.newPage();
                tab.navigate("/agents/" + id, LOADS_AT_ONCE);
                expect(tab.locator("#session-status")).hasText("active");
                setVisibility(tab, "hidden");
                tabs.add(tab);
            }
            browser.newPage().navigate("/agents", LOADS_AT_ONCE);
        } finally {
            ui.gate.open();
        }
        new Investigations(ui.api()).awaitReport(id, Duration.ofSeconds(30));
        Page first = tabs.getFirst();
        assertThat(first.locator("#timeline > li.ev-report").count()).as("hidden, it follows nothing").isZero();
        setVisibility(first, "visible");
        expect(first.locator("#session-status")).hasText("completed");
        expect(first.locator("#timeline > li.ev-report")).hasCount(1);
        expect(first.locator("#report .prose h3").first()).hasText("Summary");
    }

    @Test
    void a_page_lets_go_of_its_stream_once_its_session_ended_and_follows_again_after_a_follow_up() {
        Page page = ui.adminPage();
        AtomicInteger streams = openStreams(page);
        ui.gate.close();
        try {
            startInvestigation(page, "Watch it end", "", null);
            page.waitForCondition(() -> streams.get() == 1);
        } finally {
            ui.gate.open();
        }
        expect(page.locator("#session-status")).hasText("completed");
        page.waitForCondition(() -> streams.get() == 0);

        page.getByLabel("Message the agent").fill("Anything else?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        expect(page.locator("#timeline > li.ev-message.from-agent")).containsText("You said: Anything else?");
        expect(page.locator("#session-status")).hasText("completed");
        page.waitForCondition(() -> streams.get() == 0);
    }

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

    private String finishedSession() {
        String id = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Finished\"}").json().get("session_id")
                .asText();
        new Investigations(ui.api()).awaitReport(id, Duration.ofSeconds(30));
        return id;
    }

    /**
     * Headless Chromium shows every tab, so hiding one is played the way the browser tells a page: its visibility
     * state changes, then a visibilitychange event.
     */
    private static void setVisibility(Page tab, String state) {
        tab.evaluate("state => { Object.defineProperty(document, 'visibilityState', "
                + "{configurable: true, get: () => state}); document.dispatchEvent(new Event('visibilitychange')); }",
                state);
    }

    /** The timeline streams a page has open: asked for, and neither ended by the server nor closed by the page. */
    private static AtomicInteger openStreams(Page page) {
        AtomicInteger open = new AtomicInteger();
        page.onRequest(r -> open.addAndGet(isStream(r) ? 1 : 0));
        page.onRequestFinished(r -> open.addAndGet(isStream(r) ? -1 : 0));
        page.onRequestFailed(r -> open.addAndGet(isStream(r) ? -1 : 0));
        return open;
    }

    private static boolean isStream(Request r) {
        return "eventsource".equals(r.resourceType());
    }
}
