package dev.missioncontrol.web.ui;

import static dev.missioncontrol.web.ui.UiHarness.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.missioncontrol.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The investigation form, the live timeline, chat and untrusted text on the session page, in a real browser. */
class SessionPageIT extends BrowserTestBase {
    /** Payloads that would run script, inject elements or make htmx act, were any of them rendered as markup. */
    static final List<String> XSS = List.of(
            "<script>alert('script')</script>",
            "<img src=x onerror=\"alert('img')\">",
            "\"><svg onload=alert('svg')>",
            "<iframe src=\"javascript:alert('iframe')\"></iframe>",
            "<a href=\"javascript:alert('href')\">click</a>",
            "<div hx-post=\"/logout\" hx-trigger=\"load\" id=\"hx-injected\">htmx</div>",
            "</textarea><b id=\"broke-out\">bold</b>",
            "{{constructor.constructor('alert(1)')()}}");


    @Test
    void starts_an_investigation_from_the_form_and_watches_the_timeline_fill_live() {
        Page page = ui.adminPage();
        ui.gate.close();
        try {
            startInvestigation(page, "Checkout returns 502 since 14:05", "{\"service\": \"checkout\"}",
                    "2026-03-01T10:00:03Z ERROR pool exhausted\n");
            page.waitForURL(Pattern.compile(".*/agents/[0-9a-f-]{36}$"));
            Locator timeline = page.locator("#timeline > li");
            expect(page.locator("#timeline > li.ev-tool_call")).hasCount(1);
            expect(page.locator("#timeline > li.ev-report")).hasCount(0);
            expect(page.locator("#session-status")).hasText("active");
            page.setViewportSize(1280, 480); // a reader at the timeline's end is kept there as events arrive
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
            // every text the announcer holds, however soon the next replaces it
            page.evaluate("window.said = []; new MutationObserver(() => window.said.push(document.getElementById("
                    + "'session-announcer').textContent)).observe(document.getElementById('session-announcer'), "
                    + "{childList: true, characterData: true, subtree: true})");
        } finally {
            ui.gate.open();
        }
        // Everything after the gate arrives over SSE, without a reload.
        expect(page.locator("#timeline > li.ev-report")).hasCount(1);
        expect(page.locator("#timeline > li").last()).isInViewport();
        expect(page.locator("#session-status")).hasText("completed");
        expect(page.locator("#report .prose h3").first()).hasText("Summary");
        // one region speaks, and of the report, not of the tool calls and checks before it
        expect(page.locator("#timeline")).not().hasAttribute("aria-live", java.util.regex.Pattern.compile(".*"));
        expect(page.locator("#session-announcer")).containsText("Session completed.");
        String said = (String) page.evaluate("window.said.join(' | ')");
        assertThat(said).contains("Report written:").doesNotContain("compare_windows").doesNotContain("Calling");
        expect(page.locator("#timeline > li.ev-finding")).containsText("The connection pool ran out");
        expect(page.locator("#timeline > li.ev-check table.checks")).containsText("error_rate");
        assertContiguous(page);

        Locator result = page.locator("#timeline > li.ev-tool_result details");
        result.locator("summary").click();
        expect(result.locator("pre")).containsText("\"matches\" : 3");
        assertThat(ui.chromium.consoleErrors).as("console errors, CSP violations included").isEmpty();
    }

    @Test
    void a_session_cancelled_before_its_report_says_so_where_the_report_would_be() {
        Page page = ui.adminPage();
        ui.gate.close();
        try {
            startInvestigation(page, "Is the cache cold?", "{}", "2026-03-01T10:00:03Z ERROR cache miss storm\n");
            page.waitForURL(Pattern.compile(".*/agents/[0-9a-f-]{36}$"));
            expect(page.locator("#report")).containsText("has not written its report yet");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Cancel session")).click();
            expect(page.locator("#session-status")).hasText("cancelled");
        } finally {
            ui.gate.open();
        }
        page.reload();
        expect(page.locator("#report")).containsText("The session ended (cancelled) before the agent wrote a report");
        assertThat(ui.chromium.confirms).anyMatch(q -> q.startsWith("Cancel this session?"));
    }

    /** Each event's pull redraws the status and its Cancel button; a keyboard on that button stays there. */
    @Test
    void the_cancel_button_keeps_the_keyboard_focus_while_events_arrive() {
        Page page = ui.adminPage();
        ui.gate.close();
        try {
            startInvestigation(page, "Is the queue backing up?", "{}", null);
            expect(page.locator("#timeline > li.ev-tool_call")).hasCount(1);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel session")).focus();
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(ui.api().post("/api/v1/agent-sessions/" + id + "/messages/",
                    "{\"content\": \"The queue is at 40k\"}").status()).isEqualTo(202);
            expect(page.locator("#timeline > li.ev-message.from-user")).containsText("The queue is at 40k");
            expect(page.locator("#session-status")).hasText("active");
            expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel session")))
                    .isFocused();
        } finally {
            ui.gate.open();
        }
    }

    @Test
    void every_event_has_a_deep_link_that_works_after_the_session_ended() {
        Page page = ui.adminPage();
        startInvestigation(page, "Deep links", "", null);
        expect(page.locator("#session-status")).hasText("completed");
        String url = page.url();
        page.navigate(url + "#event-3");
        expect(page.locator("#event-3")).isVisible();
        assertThat(page.evaluate("() => document.querySelector(':target').id")).isEqualTo("event-3");
    }

    @Test
    void chats_with_the_agent() {
        Page page = ui.adminPage();
        startInvestigation(page, "Why is checkout slow?", "", null);
        expect(page.locator("#session-status")).hasText("completed");

        page.getByLabel("Message the agent").fill("Did the 14:00 deploy cause it?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        expect(page.locator("#timeline > li.ev-message.from-user")).containsText("Did the 14:00 deploy cause it?");
        expect(page.locator("#timeline > li.ev-message.from-agent"))
                .containsText("You said: Did the 14:00 deploy cause it?");
        expect(page.getByLabel("Message the agent")).hasValue("");
        assertContiguous(page);
    }

    @Test
    void the_keyboard_stays_in_the_chat_box_after_a_message_is_sent_or_refused() {
        Page page = ui.adminPage();
        startInvestigation(page, "Where did the keyboard go?", "", null);
        expect(page.locator("#session-status")).hasText("completed");

        page.getByLabel("Message the agent").focus();
        page.keyboard().type("First question");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        expect(page.locator("#timeline > li.ev-message.from-user")).containsText("First question");
        expect(page.locator("#chat-content")).isFocused();

        page.evaluate("() => document.getElementById('chat-content').removeAttribute('required')");
        page.keyboard().type("   ");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        expect(page.locator("#chat [data-failure]")).hasText("Write a message first.");
        expect(page.locator("#chat-content")).isFocused();
        // the browser logs the refusal this test asked for; the other tests of the class look for unexpected ones
        ui.chromium.consoleErrors.removeIf(e -> e.contains("422"));
    }

    @Test
    void renders_an_xss_corpus_in_the_prompt_the_context_and_the_logs_inert() {
        Page page = ui.adminPage();
        String corpus = String.join("\n", XSS);
        String contextJson = "{\"service\": " + jsonString(corpus) + "}";
        startInvestigation(page, "XSS " + corpus, contextJson, corpus);
        expect(page.locator("#session-status")).hasText("completed");
        expect(page.locator("#report .prose")).containsText("<script>alert('script')</script>");
        page.locator("details.card > summary").click();
        page.locator("#timeline > li details").all().forEach(d -> d.locator("summary").first().click());
        page.waitForTimeout(500);

        Object injected = page.evaluate("() => document.querySelectorAll('main script, main img, main svg, "
                + "main iframe, #hx-injected, #broke-out, [onerror], [onload], a[href^=\"javascript\"]').length");
        assertThat(((Number) injected).intValue()).isZero();
        assertThat(ui.chromium.dialogs).isEmpty();
        expect(page.locator("main")).containsText("<img src=x onerror=\"alert('img')\">");
        page.reload();
        expect(page.locator("#session-status")).hasText("completed");
        assertThat(ui.chromium.dialogs).isEmpty();
    }

    @Test
    void the_title_the_prompt_box_and_typed_messages_mask_secrets_and_a_huge_log_is_cut() {
        String log = "2026-03-01T10:00:00Z INFO mongodb://app:S3cretMongoPw@db:27017/orders\n"
                + "2026-03-01T10:00:01Z ERROR timeout\n".repeat(40_000);
        String body = Json.write(Json.object().put("prompt", "Why? our key is AKIAABCDEFGHIJKLMNOP")
                .set("context", Json.object().put("logs", log).put("db_password", "hunter2hunter2")));
        String id = ui.api().post("/api/v1/agent-sessions/", body).json().get("session_id").asText();
        Page page = ui.adminPage();
        page.navigate("/agents/" + id);
        page.locator("details.card > summary").click();
        String shown = page.locator("details.card").innerText();
        assertThat(shown).contains("[REDACTED]").contains("(cut; the API has all of it)")
                .doesNotContain("S3cretMongoPw").doesNotContain("hunter2hunter2").doesNotContain("AKIAABCDEFGHIJKLMNOP");
        assertThat(shown.length()).isLessThan(30_000);
        assertThat(page.locator("h1").innerText()).contains("[REDACTED]").doesNotContain("AKIAABCDEFGHIJKLMNOP");
        assertThat(page.title()).doesNotContain("AKIAABCDEFGHIJKLMNOP");

        ui.api().post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"try password=Hunter2Secret!\"}");
        var typed = page.locator("#timeline > li.ev-message.from-user");
        expect(typed).containsText("[REDACTED]");
        assertThat(typed.innerText()).doesNotContain("Hunter2Secret");
        page.navigate("/agents");
        assertThat(page.locator("main").innerText()).contains("Why? our key is [REDACTED]")
                .doesNotContain("AKIAABCDEFGHIJKLMNOP");
    }

    /** Fills the dashboard's form; a null file means no upload. */
    static void startInvestigation(Page page, String prompt, String context, String file) {
        page.navigate("/");
        page.getByLabel("What is wrong?").fill(prompt);
        page.locator("#context").fill(context);
        if (file != null) {
            page.getByLabel("Log file").setInputFiles(new FilePayload("app.log", "text/plain",
                    file.getBytes(StandardCharsets.UTF_8)));
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start investigation")).click();
        page.waitForURL(Pattern.compile(".*/agents/[0-9a-f-]{36}$"));
    }

    /** No event twice and none missing: seqs on the page run 1, 2, 3, … */
    private static void assertContiguous(Page page) {
        List<String> seqs = page.locator("#timeline > li").all().stream().map(l -> l.getAttribute("data-seq"))
                .toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(Integer.toString(i + 1));
        }
    }

    private static String jsonString(String s) {
        return dev.missioncontrol.store.Json.write(s);
    }
}
