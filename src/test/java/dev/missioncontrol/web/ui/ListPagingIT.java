package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.testing.MonitorFixtures;
import org.junit.jupiter.api.Test;

/** Counts and lists say how many there really are, and older rows are one link away, never silently cut off. */
class ListPagingIT extends BrowserTestBase {

    @Test
    void the_dashboard_counts_every_active_session_and_the_deployments_list_pages_to_the_older_ones() {
        ui.gate.close();
        try {
            for (int i = 0; i < 26; i++) {
                var r = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Why is checkout slow, " + i + "?\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            Page page = ui.adminPage();
            page.navigate("/");
            expect(page.locator("#active-title .count")).hasText("26");
            expect(page.locator("main")).containsText("all 26 active sessions");
        } finally {
            ui.gate.open();
        }

        for (int i = 0; i < 103; i++) {
            MonitorFixtures.deploy(ui.api(), "acme/paged", "failure");
        }
        Page page = ui.adminPage();
        page.navigate("/deployments?repository=acme/paged");
        expect(page.locator("table tbody tr")).hasCount(100);
        expect(page.locator("nav.paging")).containsText("Showing the newest 100 of 103.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older")).click();
        expect(page.locator("table tbody tr")).hasCount(3);
        expect(page.locator("nav.paging")).containsText("Showing 3 older ones of 103.");
        expect(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older"))).hasCount(0);
        assertThat(page.url()).contains("repository=acme%2Fpaged");

        page.navigate("/deployments?repository=acme/paged&cursor=cut-short");
        expect(page.locator("nav.paging")).containsText("Showing the newest 100 of 103.");
    }

    @Test
    void the_sessions_list_pages_to_the_older_ones_and_counts_them_all() {
        for (int i = 0; i < 101; i++) {
            var r = ui.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"Is the cache warm, " + i + "?\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        int total = ui.api().get("/api/v1/agent-sessions/?limit=1").json().get("count").asInt();
        assertThat(total).isGreaterThanOrEqualTo(101);

        Page page = ui.adminPage();
        page.navigate("/agents");
        expect(page.locator("table tbody tr")).hasCount(100);
        expect(page.locator("nav.paging")).containsText("Showing the newest 100 of " + total + ".");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older")).click();
        expect(page.locator("table tbody tr")).hasCount(Math.min(100, total - 100));
        expect(page.locator("table tbody tr").first()).not().containsText("Is the cache warm, 100?");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newest")).click();
        expect(page.locator("table tbody tr").first()).containsText("Is the cache warm, 100?");

        page.navigate("/agents?status=cancelled"); // none of these was cancelled
        expect(page.locator("main .card")).containsText("No session is cancelled.");
    }
}
