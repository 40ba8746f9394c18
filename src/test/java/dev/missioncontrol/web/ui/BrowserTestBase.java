package dev.missioncontrol.web.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One server for all tests of a class, and the JVM's Chromium; each test opens its own browser profiles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    protected UiHarness ui;

    @BeforeAll
    void startServerAndBrowser() {
        ui = new UiHarness();
    }

    /** A test's pages stop with it: left open, live pages and streams would poll the server through later tests. */
    @AfterEach
    void closeBrowserProfiles() {
        if (ui != null) {
            ui.chromium.closeContexts();
        }
    }

    @AfterAll
    void stopServerAndBrowser() {
        if (ui != null) {
            ui.close();
        }
    }
}
