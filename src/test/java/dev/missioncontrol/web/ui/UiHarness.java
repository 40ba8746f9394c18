package dev.missioncontrol.web.ui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.missioncontrol.TestApps;
import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.monitor.DeployMonitorBrain;
import dev.missioncontrol.monitor.MonitorSchedule;
import java.time.Duration;
import java.util.Set;
import dev.missioncontrol.orgs.FirstStart;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** A real server with a scripted investigation brain, and Chromium to look at it. */
final class UiHarness implements AutoCloseable {
    static final double TIMEOUT_MS = 20_000;

    final UiGate gate = new UiGate();
    final Chromium chromium;
    final TestServer server;

    UiHarness() {
        chromium = Chromium.shared();
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        server = TestServer.start(TestServer.Db.SQLITE, UiHarness::configure, config -> TestApps.start(config,
                new Brains(Map.of("deploy_monitor", new DeployMonitorBrain(new MonitorSchedule(
                        List.of(Duration.ofSeconds(1)), Duration.ofSeconds(2)), Set.of())), new InvestigationBrain()),
                List.of(gate)));
    }

    /**
     * A deploy is watched for 2 s; webhooks may reach the tests' receivers on this machine; the write budget is far
     * above what the pages' tests post (a list of 129 rows in a burst), which RateLimitIT tests on its own.
     */
    private static AppConfig configure(AppConfig c) {
        AppConfig.Runtime d = AppConfig.Runtime.defaults();
        AppConfig.Limits l = AppConfig.Limits.defaults();
        return MonitorFixtures.allowLoopback(null).apply(c.withRuntime(new AppConfig.Runtime(d.concurrency(),
                d.lease(), d.poll(), List.of(Duration.ofSeconds(1)), Duration.ofSeconds(2), Duration.ZERO,
                d.sseKeepAlive())).withLimits(new AppConfig.Limits(l.maxBody(), l.maxSessionBody(), 100_000, 10_000)));
    }

    String base() {
        return server.baseUrl();
    }

    FirstStart.Credentials admin() {
        return server.app().firstStart();
    }

    Api api() {
        return server.api();
    }

    /** A new browser profile, logged in as the first admin. */
    Page adminPage() {
        return loggedIn(admin().email(), admin().password(), o -> { });
    }

    Page loggedIn(String email, String password, Consumer<com.microsoft.playwright.Browser.NewContextOptions> o) {
        BrowserContext ctx = chromium.context(base(), o);
        Page page = ctx.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        login(page, email, password);
        return page;
    }

    static void login(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(Pattern.compile(".*/$"));
    }

    /**
     * The status of a request the page itself sends with fetch(), cookies included. Playwright's own request client
     * does not send a Secure cookie over http://, and the point is what a browser does anyway.
     */
    static int fetch(Page page, String method, String url, Map<String, String> headers, String body) {
        Map<String, Object> init = new java.util.HashMap<>(Map.of("method", method, "headers", headers,
                "credentials", "same-origin", "redirect", "manual"));
        if (body != null) {
            init.put("body", body);
        }
        Object status = page.evaluate("([url, init]) => fetch(url, init).then(r => r.status)", List.of(url, init));
        return ((Number) status).intValue();
    }

    static int postForm(Page page, String url, String form) {
        return fetch(page, "POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    @Override
    public void close() {
        chromium.closeContexts(); // the browser itself serves the JVM's next browser test class
        server.close();
    }
}
