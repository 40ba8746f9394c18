package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

        // a page opened from a link has no history to go back through: "Newer" leads to the page before it
        JsonNode newest = ui.api().get("/api/v1/deployments/?repository=acme/paged&limit=100").json();
        link(page, "Newer").click();
        expect(page.locator("table tbody tr")).hasCount(100);
        expect(firstRow(page)).hasAttribute("href", "/deployments/" + newest.at("/results/0/id").asText());
        expect(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer"))).hasCount(0);

        String past101 = ui.api().get("/api/v1/deployments/?repository=acme/paged&limit=1&cursor="
                + newest.get("next").asText()).json().get("next").asText();
        page.navigate("/deployments?repository=acme/paged&cursor=" + past101);
        expect(page.locator("table tbody tr")).hasCount(2);
        link(page, "Newer").click();
        expect(page.locator("table tbody tr")).hasCount(100);
        // the 100 rows just newer than the page left
        expect(firstRow(page)).hasAttribute("href", "/deployments/" + newest.at("/results/1/id").asText());
        link(page, "Newest").click();
        expect(firstRow(page)).hasAttribute("href", "/deployments/" + newest.at("/results/0/id").asText());

        page.navigate("/deployments?repository=acme/paged&cursor=cut-short");
        expect(page.locator("nav.paging")).containsText("Showing the newest 100 of 103.");
    }

    private static com.microsoft.playwright.Locator link(Page page, String name) {
        return page.locator("nav.paging").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator
                .GetByRoleOptions().setName(name).setExact(true));
    }

    private static com.microsoft.playwright.Locator firstRow(Page page) {
        return page.locator("table tbody tr").first().locator("a").first();
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
