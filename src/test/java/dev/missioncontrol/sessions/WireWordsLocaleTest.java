package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire words are the same on a server whose default locale is Turkish, where a lowercased capital I is a dotless ı:
 * "active" read back as "actıve" failed every session row, and the Cased CLI could not read "deploy_monıtor".
 */
class WireWordsLocaleTest {
    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void session_words_are_ascii_whatever_the_servers_locale() {
        assertThat(SessionStatus.ACTIVE.wire()).isEqualTo("active");
        assertThat(SessionKind.DEPLOY_MONITOR.wire()).isEqualTo("deploy_monitor");
        assertThat(SessionKind.parse("deploy_monitor")).contains(SessionKind.DEPLOY_MONITOR);
        assertThat(CliStatus.AGENT_RUNNING.wire()).isEqualTo("agent_running");
        assertThat(CliStatus.parse("FAILED")).isEqualTo(CliStatus.FAILED);
    }
}
