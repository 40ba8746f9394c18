package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Logging in and out, the login cookie, API keys made on the settings page, roles and CSRF, in a real browser. */
class BrowserLoginIT extends BrowserTestBase {

    @Test
    void logs_in_with_a_secure_host_only_cookie_and_logs_out() {
        BrowserContext ctx = ui.chromium.context(ui.base());
        Page page = ctx.newPage();
        page.navigate("/deployments");
        page.waitForURL(Pattern.compile(".*/login\\?next=%2Fdeployments$"));
        page.getByLabel("Email").fill(ui.admin().email());
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        expect(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        expect(page.getByLabel("Password")).isFocused(); // the email was kept: the correction goes here

        page.getByLabel("Password").fill(ui.admin().password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(Pattern.compile(".*/deployments$"));
        Cookie cookie = ctx.cookies().stream().filter(c -> c.name.equals("__Host-mc_session")).findFirst()
                .orElseThrow(() -> new AssertionError("Chromium kept no __Host- cookie over http://127.0.0.1"));
        assertThat(cookie.secure).isTrue();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookie.path).isEqualTo("/");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL(Pattern.compile(".*/login$"));
        page.navigate("/");
        page.waitForURL(Pattern.compile(".*/login\\?next=%2F$"));
        ctx.close();
    }

    @Test
    void creates_an_api_key_on_the_settings_page_that_works_with_the_api_until_revoked() {
        Page page = ui.adminPage();
        page.navigate("/settings");
        page.getByLabel("New key name").fill("CI pipeline");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        String key = page.locator("#new-key").textContent().strip();
        assertThat(key).startsWith("mc_");

        assertThat(ui.server.api(key).get("/api/v1/deployments/").status()).isEqualTo(200);
        page.navigate("/settings");
        expect(page.locator("#new-key")).hasCount(0);
        var row = page.locator("#api-keys tr", new Page.LocatorOptions().setHasText("CI pipeline"));
        expect(row).not().containsText("never");

        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        expect(page.getByRole(AriaRole.STATUS).first()).containsText("revoked");
        assertThat(ui.server.api(key).get("/api/v1/deployments/").status()).isEqualTo(401);
    }

    @Test
    void a_post_without_its_csrf_token_is_refused() {
        Page page = ui.adminPage();
        assertThat(UiHarness.postForm(page, "/settings/api-keys", "name=sneaky&scopes=sessions:read"))
                .isEqualTo(403);
        assertThat(UiHarness.postForm(page, "/logout", "")).isEqualTo(403);

        // The browser may use the API with its cookie, but changing anything needs the CSRF header too.
        String body = "{\"prompt\":\"from the browser\"}";
        var json = Map.of("Content-Type", "application/json");
        assertThat(UiHarness.fetch(page, "GET", "/api/v1/agent-sessions/", Map.of(), null)).isEqualTo(200);
        assertThat(UiHarness.fetch(page, "POST", "/api/v1/agent-sessions/", json, body)).isEqualTo(403);
        String csrf = page.locator("input[name=_csrf]").first().inputValue();
        assertThat(UiHarness.fetch(page, "POST", "/api/v1/agent-sessions/",
                Map.of("Content-Type", "application/json", "X-CSRF-Token", csrf), body)).isEqualTo(201);
    }

    @Test
    void a_member_sees_settings_but_cannot_manage_keys_users_or_webhooks() {
        Page admin = ui.adminPage();
        admin.navigate("/settings");
        admin.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("member@example.com");
        admin.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a long enough password");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        expect(admin.locator("#users")).containsText("member@example.com");

        Page member = ui.loggedIn("member@example.com", "a long enough password", o -> { });
        member.navigate("/settings");
        expect(member.locator("#create-key")).hasCount(0);
        expect(member.locator("#create-user")).hasCount(0);
        String csrf = member.locator("input[name=_csrf]").first().inputValue();
        assertThat(UiHarness.postForm(member, "/settings/api-keys",
                "_csrf=" + csrf + "&name=member+key&scopes=sessions:read")).isEqualTo(403);
        expect(member.locator("#add-webhook")).hasCount(0);
        assertThat(UiHarness.postForm(member, "/settings/notifications/webhooks",
                "_csrf=" + csrf + "&kind=slack&url=https%3A%2F%2F93.184.216.34%2Fhook")).isEqualTo(403);
        // nor through the API with the login cookie: a person needs the admin role there too
        assertThat(UiHarness.fetch(member, "POST", "/api/v1/notifications/webhooks/", Map.of("Content-Type",
                "application/json", "X-CSRF-Token", csrf), "{\"url\":\"https://93.184.216.34/hook\"}")).isEqualTo(403);
    }

    @Test
    void dead_links_get_a_page_for_people_while_programs_keep_the_json_problem() {
        Page page = ui.adminPage();
        var unknownSession = page.navigate("/agents/00000000-0000-7000-8000-000000000000");
        assertThat(unknownSession.status()).isEqualTo(404);
        assertThat(unknownSession.headerValue("content-type")).startsWith("text/html");
        expect(page.locator("h1")).hasText("Not found");
        expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).isVisible();

        var mistyped = page.navigate("/deploymnets");
        assertThat(mistyped.status()).isEqualTo(404);
        expect(page.locator("main")).containsText("There is no page at /deploymnets");

        var formTarget = page.navigate("/settings/password");
        assertThat(formTarget.status()).isEqualTo(405);
        assertThat(formTarget.headerValue("content-type")).startsWith("text/html");
        expect(page.locator("h1")).hasText("Not a page");

        var apiPath = page.navigate("/api/v1/nothing-here");
        assertThat(apiPath.headerValue("content-type")).startsWith("application/problem+json");
        assertThat(ui.server.api(null).get("/nothing-here").header("Content-Type"))
                .startsWith("application/problem+json");
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_the_other_logins() {
        var users = new dev.missioncontrol.orgs.UserStore(ui.server.app().database().jdbi(), java.time.Clock.systemUTC());
        String orgId = users.findByEmail(ui.admin().email()).orElseThrow().orgId();
        users.create(orgId, "changer@example.com", dev.missioncontrol.orgs.User.Role.MEMBER, "the first password");
        Page here = ui.loggedIn("changer@example.com", "the first password", o -> { });
        Page elsewhere = ui.loggedIn("changer@example.com", "the first password", o -> { });

        here.navigate("/settings#account");
        fillPasswords(here, "not my password", "the second password", "the second password");
        expect(here.locator(".notice").first()).containsText("current password is not right");
        fillPasswords(here, "the first password", "the second password", "a different one!!");
        expect(here.locator(".notice").first()).containsText("differ");
        fillPasswords(here, "the first password", "the second password", "the second password");
        expect(here.getByRole(AriaRole.STATUS).first()).containsText("Password changed");

        elsewhere.navigate("/settings");
        elsewhere.waitForURL(Pattern.compile(".*/login\\?next=%2Fsettings$"));
        here.navigate("/settings");
        expect(here.locator("h1")).hasText("Settings");
        assertThat(users.login("changer@example.com", "the first password")).isEmpty();
        assertThat(users.login("changer@example.com", "the second password")).isPresent();
    }

    private static void fillPasswords(Page page, String current, String next, String repeated) {
        page.getByLabel("Current password").fill(current);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(next);
        page.getByLabel("New password again").fill(repeated);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
    }

    @Test
    void an_admin_removes_a_user_whose_open_login_ends_at_once_and_is_told_which_of_their_keys_still_work() {
        var users = new dev.missioncontrol.orgs.UserStore(ui.server.app().database().jdbi(), java.time.Clock.systemUTC());
        String orgId = users.findByEmail(ui.admin().email()).orElseThrow().orgId();
        users.create(orgId, "leaver@example.com", dev.missioncontrol.orgs.User.Role.ADMIN, "the leaver's password");
        new dev.missioncontrol.orgs.ApiKeyStore(ui.server.app().database().jdbi(), java.time.Clock.systemUTC())
                .create(orgId, "leaver's <i>pipeline</i>", dev.missioncontrol.orgs.Scope.all(), "leaver@example.com");
        Page leaver = ui.loggedIn("leaver@example.com", "the leaver's password", o -> { });
        Page admin = ui.adminPage();

        admin.navigate("/settings#users");
        expect(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + ui.admin().email())))
                .hasCount(0);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove leaver@example.com")).click();
        expect(admin.getByRole(AriaRole.STATUS).first()).containsText("User removed");
        // the key's name is shown as typed, never as markup
        expect(admin.getByRole(AriaRole.STATUS).first()).containsText("\"leaver's <i>pipeline</i>\"");
        expect(admin.locator("#users")).not().containsText("leaver@example.com");
        expect(admin.locator("#api-keys tr", new Page.LocatorOptions().setHasText("leaver's <i>pipeline</i>")))
                .containsText("leaver@example.com");

        leaver.navigate("/settings");
        leaver.waitForURL(Pattern.compile(".*/login\\?next=%2Fsettings$"));
        assertThat(users.login("leaver@example.com", "the leaver's password")).isEmpty();
    }
}
