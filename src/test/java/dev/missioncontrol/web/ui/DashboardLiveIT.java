package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.missioncontrol.store.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard follows new deployments and sessions without a reload, leaving what a person is doing alone. */
class DashboardLiveIT extends BrowserTestBase {

    @Test
    void a_deployment_posted_after_the_page_opened_shows_and_the_form_and_the_focus_stay() {
        deploy("Deploy before the page", "acme/dash-before");
        Page page = ui.adminPage();
        page.navigate("/");
        expect(page.locator("#dash-deployments")).containsText("Deploy before the page");
        expect(page.locator("#dashboard-pull")).hasAttribute("hx-trigger", DashboardLists.POLL_EVERY);
        page.locator("#prompt").fill("Checkout is slow since the morning");
        Locator earlier = page.locator("#dash-deployments a", new Page.LocatorOptions()
                .setHasText("Deploy before the page"));
        earlier.focus();
        String activeBefore = page.locator("#active-count").textContent().strip();
        page.evaluate("window.said = []; new MutationObserver(() => window.said.push(document.getElementById("
                + "'dashboard-announcer').textContent)).observe(document.getElementById('dashboard-announcer'), "
                + "{childList: true, characterData: true, subtree: true})");

        deploy("Deploy <b>after</b> the page", "acme/dash-after"); // running: its monitor waits, an active session

        expect(page.locator("#dash-deployments")).containsText("Deploy <b>after</b> the page");
        expect(page.locator("#dash-active")).containsText("Deploy <b>after</b> the page");
        expect(page.locator("#active-count")).not().hasText(activeBefore);
        expect(earlier).isFocused();
        expect(page.locator("#prompt")).hasValue("Checkout is slow since the morning");
        expect(page.locator("#dashboard-announcer")).hasText(java.util.regex.Pattern.compile("\\d+ active sessions?\\."));
        assertThat(page.locator("#dash-deployments b").count()).as("the request is text, not markup").isZero();
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    @Test
    void the_lists_are_sent_again_only_when_they_changed_and_never_without_a_login() {
        Page page = ui.adminPage();
        page.navigate("/");
        String poll = page.locator("#dashboard-pull").getAttribute("hx-get");

        assertThat(UiHarness.fetch(page, "GET", poll, Map.of(), null)).as("nothing new").isEqualTo(204);
        assertThat(ui.server.api(null).get(poll).status()).as("no login: htmx's stop polling").isEqualTo(286);
        deploy("Deploy that changes the lists", "acme/dash-changed");
        assertThat(UiHarness.fetch(page, "GET", poll, Map.of(), null)).as("a deployment more").isEqualTo(200);
    }

    private void deploy(String request, String repo) {
        String body = Json.write(Json.object().put("deployment_request", request).put("repository_full_name", repo)
                .put("commit_sha", "0123abcd").put("status", "running"));
        assertThat(ui.api().post("/api/v1/deployments/", body).status()).isEqualTo(201);
    }
}
