package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dashboard's new-investigation form in a real browser: what it refuses, and how it says so. */
class InvestigationFormIT extends BrowserTestBase {

    /** The reviewer's case: a 72 MB log against the default 64 MiB limit. */
    @Test
    void a_log_file_over_the_limit_gets_a_page_naming_the_limit() throws Exception {
        Path file = Files.createTempFile("huge", ".log");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(72L << 20); // sparse: nothing is written, the browser still sends 72 MB
        }
        try {
            Page page = ui.adminPage();
            page.navigate("/");
            page.getByLabel("What is wrong?").fill("checkout fails after the deploy");
            page.locator("#logs_file").setInputFiles(file);
            Response answer = page.waitForNavigation(() -> start(page).click());
            assertThat(answer.status()).isEqualTo(413);
            expect(page.locator("main")).containsText("The file is larger than the 64 MiB limit");
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).isVisible();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void json_with_a_trailing_comma_is_refused_with_its_position_and_comes_back_as_typed() {
        String typed = "{\n  \"service\": \"checkout\",\n  \"environment\": \"production\",\n}";
        Page page = ui.adminPage();
        page.navigate("/");
        page.getByLabel("What is wrong?").fill("checkout fails after the deploy");
        page.locator("#context").fill(typed);
        Response answer = page.waitForNavigation(() -> start(page).click());
        assertThat(answer.status()).isEqualTo(422);
        expect(page.getByRole(AriaRole.ALERT)).containsText("context looks like JSON but is not");
        expect(page.getByRole(AriaRole.ALERT)).containsText("(line 4, column 1)");
        expect(page.locator("#context")).hasValue(typed);
        expect(page.locator("#context")).hasAttribute("aria-invalid", "true");
        expect(page.locator("#context")).hasAttribute("aria-describedby", "investigation-problem");
        expect(page.locator("#prompt")).not().hasAttribute("aria-invalid", "true");
        expect(page.locator("#prompt")).hasValue("checkout fails after the deploy");
        assertThat(ui.api().get("/api/v1/agent-sessions/").body()).doesNotContain("checkout fails after the deploy");
    }

    static com.microsoft.playwright.Locator start(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start investigation"));
    }
}
