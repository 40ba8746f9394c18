package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The settings forms refuse what cannot be stored with a reason, and keep what was typed. */
class SettingsFormsIT extends BrowserTestBase {
    private static final String TOO_LONG = "a password of many words, ".repeat(4);

    @Test
    void refuses_a_password_longer_than_bcrypt_reads_when_adding_a_user_or_changing_ones_own() {
        Page page = ui.adminPage();
        page.navigate("/settings#users");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("long@example.com");
        page.locator("#users input[name=password]").fill(TOO_LONG);
        Response answer = page.waitForResponse(r -> r.url().endsWith("/settings/users"),
                () -> button(page, "Add user").click());
        assertThat(answer.status()).isEqualTo(422);
        expect(page.locator(".notice").first()).containsText("at most 72 bytes");
        UserStore users = new UserStore(ui.server.app().database().jdbi(), Clock.systemUTC());
        assertThat(users.findByEmail("long@example.com")).isEmpty();

        page.navigate("/settings#account");
        page.getByLabel("Current password").fill(ui.admin().password());
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(TOO_LONG);
        page.getByLabel("New password again").fill(TOO_LONG);
        answer = page.waitForResponse(r -> r.url().endsWith("/settings/password"),
                () -> button(page, "Change password").click());
        assertThat(answer.status()).isEqualTo(422);
        expect(page.locator(".notice").first()).containsText("at most 72 bytes");
        assertThat(users.login(ui.admin().email(), TOO_LONG)).isEmpty();
        assertThat(users.login(ui.admin().email(), ui.admin().password())).isPresent();
    }

    @Test
    void refuses_line_breaks_and_control_characters_in_names_and_emails() {
        Page page = ui.adminPage();
        page.navigate("/settings");
        String csrf = "_csrf=" + page.locator("#create-key input[name=_csrf]").inputValue() + "&";
        assertThat(UiHarness.postForm(page, "/settings/api-keys", csrf + "name=ci%0D%0Aforged&scopes=sessions:read"))
                .isEqualTo(422);
        assertThat(UiHarness.postForm(page, "/settings/users",
                csrf + "email=a%1Bb@example.com&password=a+long+enough+password&role=member")).isEqualTo(422);
        assertThat(UiHarness.postForm(page, "/settings/notifications/webhooks",
                csrf + "kind=webhook&name=evil%0D%0Aforged&url=https://93.184.216.34/hook")).isEqualTo(422);
        page.reload();
        expect(page.locator("#api-keys")).not().containsText("forged");
        assertThat(new UserStore(ui.server.app().database().jdbi(), Clock.systemUTC())
                .findByEmail("a\u001bb@example.com")).isEmpty();
        expect(page.locator("#notifications")).not().containsText("forged");
    }

    @Test
    void an_admin_makes_a_member_an_admin_and_back_and_the_member_sees_it_in_the_login_they_have_open() {
        UserStore users = new UserStore(ui.server.app().database().jdbi(), Clock.systemUTC());
        String orgId = users.findByEmail(ui.admin().email()).orElseThrow().orgId();
        users.create(orgId, "promoted@example.com", User.Role.MEMBER, "a long enough password");
        Page member = ui.loggedIn("promoted@example.com", "a long enough password", o -> { });
        member.navigate("/settings");
        expect(member.locator("#create-key")).hasCount(0);
        String memberCsrf = "_csrf=" + member.locator("input[name=_csrf]").first().inputValue();
        String adminId = users.findByEmail(ui.admin().email()).orElseThrow().id();
        assertThat(UiHarness.postForm(member, "/settings/users/" + adminId + "/role", memberCsrf + "&role=member"))
                .isEqualTo(403);

        Page admin = ui.adminPage();
        admin.navigate("/settings#users");
        button(admin, "Make promoted@example.com an admin").click();
        expect(admin.locator(".notice").first()).containsText("Role changed");
        expect(admin.locator("#users tr", new Page.LocatorOptions().setHasText("promoted@example.com")))
                .containsText("admin");
        member.reload();
        expect(member.locator("#create-key")).hasCount(1);

        String csrf = "_csrf=" + admin.locator("#create-key input[name=_csrf]").inputValue();
        assertThat(UiHarness.postForm(admin, "/settings/users/" + adminId + "/role", csrf + "&role=member"))
                .as("redirected back to the page, which a fetch that follows no redirect reads as 0").isZero();
        assertThat(users.find(adminId).orElseThrow().role()).isEqualTo(User.Role.ADMIN);
        assertThat(UiHarness.postForm(admin, "/settings/users/" + adminId + "/role", "role=member"))
                .isEqualTo(403);

        button(admin, "Make promoted@example.com a member").click();
        expect(admin.locator(".notice").first()).containsText("Role changed");
        member.reload();
        expect(member.locator("#create-key")).hasCount(0);
    }

    @Test
    void revoking_a_key_asks_first_and_a_no_keeps_it() {
        Page page = ui.adminPage();
        page.navigate("/settings");
        page.getByLabel("New key name").fill("pipeline key");
        button(page, "Create key").click();
        var row = page.locator("#api-keys tr", new Page.LocatorOptions().setHasText("pipeline key"));
        try {
            ui.chromium.confirmAnswer = false;
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke"))
                    .click();
            assertThat(ui.chromium.confirms).anyMatch(q -> q.startsWith("Revoke the key \"pipeline key\"?"));
            page.reload();
            expect(row).containsText("active");
        } finally {
            ui.chromium.confirmAnswer = true;
        }
        // every row has a Revoke button: read aloud, or said to voice control, each names its key
        button(page, "Revoke pipeline key").click();
        expect(page.locator(".notice").first()).containsText("The key was revoked");
        expect(row).containsText("revoked");
    }

    /** Post, redirect, get: the page a creation lands on is a plain GET, so reloading it creates nothing more. */
    @Test
    void reloading_after_creating_a_key_or_a_webhook_creates_no_second_one_and_shows_the_secret_no_more() {
        Page page = ui.adminPage();
        page.navigate("/settings");
        page.getByLabel("New key name").fill("reload-proof key");
        button(page, "Create key").click();
        expect(page.locator(".new-key")).isFocused(); // shown once: read out at once, not searched for
        String key = page.locator("#new-key").textContent().strip();
        assertThat(key).startsWith("mc_");
        assertThat(page.url()).endsWith("/settings#api-keys").doesNotContain(key);
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("Key \"reload-proof key\" created.");
        page.reload();
        expect(page.locator("#new-key")).hasCount(0);
        expect(page.locator("#api-keys tr", new Page.LocatorOptions().setHasText("reload-proof key"))).hasCount(1);

        page.locator("#hook-kind").selectOption("webhook");
        page.locator("#hook-name").fill("reload-proof hook");
        page.locator("#hook-url").fill("https://93.184.216.34/hook");
        page.locator("#hook-repositories").fill("acme/payments, acme/ledger,");
        page.locator("#hook-environments").fill("production");
        button(page, "Add webhook").click();
        expect(page.locator("#new-secret")).isVisible();
        expect(page.locator(".new-key")).isFocused();
        assertThat(page.url()).endsWith("/settings#notifications");
        page.reload();
        expect(page.locator("#new-secret")).hasCount(0);
        Locator added = page.locator("#notifications tr", new Page.LocatorOptions().setHasText("reload-proof hook"));
        expect(added).hasCount(1);
        expect(added.locator(".webhook-scope")).hasText("acme/payments, acme/ledger · production");
    }

    /**
     * A webhook that moved is changed on its row, through the checks a new one passes: a refused URL comes back
     * beside that row's form, the field to correct focused; a form without the login's CSRF token changes nothing.
     */
    @Test
    void an_admin_changes_a_webhooks_url_on_its_row_and_a_refused_one_comes_back_beside_it() {
        Page page = ui.adminPage();
        page.navigate("/settings#notifications");
        page.locator("#hook-name").fill("moved hook");
        page.locator("#hook-url").fill("https://93.184.216.34/moved");
        button(page, "Add webhook").click();
        Locator row = page.locator("#notifications tr", new Page.LocatorOptions().setHasText("moved hook"));
        String id = row.locator("form[action$='/url']").getAttribute("action").split("/")[4];
        assertThat(UiHarness.postForm(page, "/settings/notifications/webhooks/" + id + "/url",
                "url=https://93.184.216.34/no-csrf")).isEqualTo(403);

        row.locator("summary", new Locator.LocatorOptions().setHasText("Change URL")).click();
        row.getByLabel("New URL of moved hook").fill("http://10.1.2.3/hook");
        button(page, "Change URL of moved hook").click();
        expect(row.locator(".form-problem")).containsText("Webhook URL not changed");
        expect(row.getByLabel("New URL of moved hook")).isFocused();
        expect(row).containsText("https://93.184.216.34/moved");

        row.getByLabel("New URL of moved hook").fill("https://93.184.216.34/new");
        row.getByLabel("New signing secret (blank keeps it)").fill("a-new-secret-0123456789");
        button(page, "Change URL of moved hook").click();
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("Webhook URL changed");
        expect(row).containsText("https://93.184.216.34/new");
        expect(page.locator("#notifications tr", new Page.LocatorOptions().setHasText("moved hook"))).hasCount(1);
    }

    /**
     * Which deploys a webhook hears of is changed on its row, the current lists filled in; a refused name comes back
     * as typed beside that row's form, and a cleared list opens its side again.
     */
    @Test
    void an_admin_changes_which_deploys_a_webhook_hears_of_on_its_row() {
        Page page = ui.adminPage();
        page.navigate("/settings#notifications");
        page.locator("#hook-name").fill("payments channel");
        page.locator("#hook-url").fill("https://93.184.216.34/payments");
        page.locator("#hook-repositories").fill("acme/payments");
        page.locator("#hook-environments").fill("production");
        button(page, "Add webhook").click();
        Locator row = page.locator("#notifications tr", new Page.LocatorOptions().setHasText("payments channel"));
        row.locator("summary", new Locator.LocatorOptions().setHasText("Change alerts")).click();
        Locator repositories = row.getByLabel("Repositories payments channel hears of");
        expect(repositories).hasValue("acme/payments");
        expect(row.getByLabel("Environments (comma-separated, blank for all)")).hasValue("production");

        repositories.fill("acme/payments, not a repository");
        button(page, "Change alerts of payments channel").click();
        expect(row.locator(".form-problem")).containsText("Alerts not changed");
        expect(repositories).isFocused();
        expect(repositories).hasValue("acme/payments, not a repository");
        expect(row.locator(".webhook-scope")).hasText("acme/payments · production");

        repositories.fill("acme/payments, acme/ledger");
        row.getByLabel("Environments (comma-separated, blank for all)").fill("");
        button(page, "Change alerts of payments channel").click();
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("Alerts changed");
        expect(row.locator(".webhook-scope")).hasText("acme/payments, acme/ledger");
    }

    /**
     * The key waits for the login's next page sealed, not as text: the sessions table holds only the cookie's
     * digest, so a copy of it cannot read a key nobody was shown yet. Another login does not get it.
     */
    @Test
    void a_new_key_waits_for_the_next_page_of_the_same_login_only_and_sealed() {
        Page page = ui.adminPage();
        Page otherLogin = ui.adminPage();
        page.navigate("/settings");
        String csrf = "_csrf=" + page.locator("#create-key input[name=_csrf]").inputValue();
        assertThat(UiHarness.postForm(page, "/settings/api-keys", csrf + "&name=sealed+key&scopes=sessions:read"))
                .as("redirected, which a fetch that follows no redirect reads as 0").isZero();
        String token = page.context().cookies().stream().filter(c -> c.name.equals(SessionCookie.NAME))
                .findFirst().orElseThrow().value;
        String kept = ui.server.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT flash FROM web_sessions WHERE token_hash = :hash").bind("hash", ApiKeyFormat.digest(token))
                .mapTo(String.class).one());
        assertThat(kept).isNotBlank().doesNotContain("mc_").doesNotContain("sealed key");

        otherLogin.navigate("/settings");
        expect(otherLogin.locator("#new-key")).hasCount(0);
        page.navigate("/settings");
        expect(page.locator("#new-key")).containsText("mc_");
        page.navigate("/settings");
        expect(page.locator("#new-key")).hasCount(0);
    }

    @Test
    void a_refused_form_comes_back_as_it_was_typed_except_the_password() {
        Page page = ui.adminPage();
        page.navigate("/settings#users");
        page.locator("#user-email").fill(ui.admin().email());
        page.locator("#user-password").fill("a long enough password");
        page.locator("#user-role").selectOption("admin");
        button(page, "Add user").click();
        expect(page.getByRole(AriaRole.ALERT).first()).containsText("already exists");
        expect(page.getByRole(AriaRole.STATUS)).hasCount(0); // said beside the form only, not twice
        expect(page.locator("#user-email")).hasValue(ui.admin().email());
        expect(page.locator("#user-role")).hasValue("admin");
        expect(page.locator("#user-password")).hasValue("");

        page.locator("#hook-kind").selectOption("slack");
        page.locator("#hook-name").fill("on-call");
        page.locator("#hook-url").fill("http://10.1.2.3/hook");
        button(page, "Add webhook").click();
        expect(page.getByRole(AriaRole.ALERT).first()).containsText("Webhook not added");
        expect(page.locator("#hook-kind")).hasValue("slack");
        expect(page.locator("#hook-name")).hasValue("on-call");
        expect(page.locator("#hook-url")).hasValue("http://10.1.2.3/hook");
        expect(page.locator("#user-email")).hasValue("");

        page.locator("#key-name").fill("   ");
        page.locator("#create-key input[value='sessions:write']").uncheck();
        button(page, "Create key").click();
        expect(page.getByRole(AriaRole.ALERT).first()).containsText("Give the key a name");
        expect(page.locator("#create-key input[value='sessions:write']")).not().isChecked();
        expect(page.locator("#create-key input[value='sessions:read']")).isChecked();
    }

    /**
     * The settings page is long: a refused form's answer opened at its top, the reason there too, far from the form
     * near the end that needed correcting. The reason is beside the form, and the field to correct has the focus.
     */
    @Test
    void a_refused_form_says_why_beside_itself_and_the_field_to_correct_has_the_focus() {
        Page page = ui.adminPage();
        page.navigate("/settings#notifications");
        page.locator("#hook-name").fill("on-call");
        page.locator("#hook-url").fill("http://10.1.2.3/hook");
        button(page, "Add webhook").click();
        expect(page.locator("#add-webhook-problem")).containsText("Webhook not added");
        expect(page.locator("#hook-url")).isFocused();
        expect(page.locator("#hook-url")).isInViewport();
        expect(page.locator("#hook-url")).hasAttribute("aria-invalid", "true");
        expect(page.locator("#hook-url")).hasAttribute("aria-describedby", "add-webhook-problem");
        expect(page.locator("#hook-name")).not().hasAttribute("aria-invalid", "true");

        page.locator("#hook-url").fill("https://93.184.216.34/scoped");
        page.locator("#hook-repositories").fill("acme/payments, not a repository");
        button(page, "Add webhook").click();
        expect(page.locator("#add-webhook-problem")).containsText("must be a repository_full_name");
        expect(page.locator("#hook-repositories")).isFocused();
        expect(page.locator("#hook-repositories")).hasValue("acme/payments, not a repository");

        page.locator("#user-email").fill(ui.admin().email());
        page.locator("#user-password").fill("a long enough password");
        button(page, "Add user").click();
        expect(page.locator("#create-user-problem")).containsText("already exists");
        expect(page.locator("#user-email")).isFocused();
        expect(page.locator("#add-webhook-problem")).hasCount(0);

        page.getByLabel("Current password").fill("not my password at all");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a new long password");
        page.getByLabel("New password again").fill("a new long password");
        button(page, "Change password").click();
        expect(page.locator("#change-password-problem")).containsText("current password is not right");
        expect(page.locator("#current-password")).isFocused();
        expect(page.locator("#current-password")).isInViewport();
    }

    @Test
    void with_auto_registration_off_an_admin_adds_a_project_on_the_settings_page_and_its_deploys_are_accepted() {
        String orgId = new UserStore(ui.server.app().database().jdbi(), Clock.systemUTC())
                .findByEmail(ui.admin().email()).orElseThrow().orgId();
        new OrgStore(ui.server.app().database().jdbi(), Clock.systemUTC()).setAutoRegister(orgId, false);
        try {
            String deploy = "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/by-hand\"}";
            var refused = ui.api().post("/api/v1/deployments/", deploy);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Add project");

            Page page = ui.adminPage();
            page.navigate("/settings#projects");
            String csrf = "_csrf=" + page.locator("#add-project input[name=_csrf]").inputValue();
            assertThat(UiHarness.postForm(page, "/settings/projects", csrf + "&repository_full_name=not+a+repo"))
                    .isEqualTo(422);
            page.locator("#project-repository").fill("acme/by-hand");
            button(page, "Add project").click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("Project added");
            expect(page.locator("form.project", new Page.LocatorOptions().setHasText("acme/by-hand"))).hasCount(1);
            assertThat(ui.api().post("/api/v1/deployments/", deploy).status()).isEqualTo(201);

            page.locator("#project-repository").fill("acme/by-hand");
            button(page, "Add project").click();
            expect(page.getByRole(AriaRole.ALERT).first()).containsText("already a project");
            expect(page.locator("#project-repository")).hasValue("acme/by-hand");

            // a GitLab subgroup's project, which the form's own pattern must let through
            page.locator("#project-repository").fill("acme/platform/by-hand");
            button(page, "Add project").click();
            expect(page.getByRole(AriaRole.STATUS).first()).containsText("Project added");
        } finally {
            new OrgStore(ui.server.app().database().jdbi(), Clock.systemUTC()).setAutoRegister(orgId, true);
        }
    }

    static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
