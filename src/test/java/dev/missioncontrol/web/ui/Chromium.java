package dev.missioncontrol.web.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Playwright's own browser download does not work on these machines, so the
 * system browser is used; without it the tests skip, unless CI requires them (MC_REQUIRE_POSTGRES=1).
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    /** Every alert/confirm/prompt any page opened: an XSS payload that ran would land here. */
    final List<String> dialogs = new CopyOnWriteArrayList<>();
    final List<String> confirms = new CopyOnWriteArrayList<>();
    /** How the next confirm questions are answered: yes, as a person who meant the click. */
    volatile boolean confirmAnswer = true;
    /** Console errors, which include Content-Security-Policy violations. */
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    /** Exceptions the pages' own scripts threw and nothing caught; the console does not list them. */
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    /** The profiles a test opened; their pages would go on polling the server through the next tests. */
    private final List<BrowserContext> open = new CopyOnWriteArrayList<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    private static Chromium shared;

    /**
     * The test JVM's browser, launched for the first browser test class it runs and kept for the next ones: starting
     * Playwright's driver and Chromium took seconds of both cores per class. Each class starts with no profile open
     * and nothing recorded.
     */
    static synchronized Chromium shared() {
        if (shared == null || !shared.browser.isConnected()) {
            Chromium launched = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(launched::close));
            shared = launched;
        }
        shared.forget();
        return shared;
    }

    private void forget() {
        closeContexts();
        dialogs.clear();
        confirms.clear();
        consoleErrors.clear();
        pageErrors.clear();
        confirmAnswer = true;
    }

    private static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if ("1".equals(System.getenv("MC_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(EXECUTABLE + " is missing but CI requires the browser tests; "
                        + "apt-get install -y chromium");
            }
            Assumptions.abort(EXECUTABLE + " not found; apt-get install -y chromium to run the browser tests");
        }
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(ARGS));
        return new Chromium(pw, browser);
    }

    /** A fresh browser profile (no cookies) on {@code baseUrl}. */
    BrowserContext context(String baseUrl, Consumer<Browser.NewContextOptions> options) {
        Browser.NewContextOptions o = new Browser.NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 860);
        options.accept(o);
        BrowserContext ctx = browser.newContext(o);
        ctx.onPage(this::watch);
        open.add(ctx);
        return ctx;
    }

    BrowserContext context(String baseUrl) {
        return context(baseUrl, o -> { });
    }

    /**
     * Alerts and prompts are recorded and dismissed: a page never opens one, so one is injected script. A confirm is
     * a destructive form asking first; it is recorded apart and answered as {@link #confirmAnswer} says.
     */
    private void watch(Page page) {
        page.onDialog(d -> {
            if ("confirm".equals(d.type())) {
                confirms.add(d.message());
                if (confirmAnswer) {
                    d.accept();
                } else {
                    d.dismiss();
                }
                return;
            }
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
    }

    /** Closes every profile opened so far, with its pages, so that none goes on loading the machine. */
    void closeContexts() {
        open.forEach(BrowserContext::close);
        open.clear();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
