package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A key is checked byte for byte on every request of a persistent connection. The HTTP parser keeps the header lines
 * it has seen on a connection to save parsing them again; matched without regard to case, a key differing from an
 * earlier valid one only in the case of a letter was read as that valid key. API keys are case-sensitive base62,
 * and a proxy may carry several clients' requests over one connection.
 */
class PersistentConnectionAuthIT {
    private static final String DEPLOYMENTS = "/api/v1/deployments/";

    @Test
    void a_key_that_differs_from_the_connections_last_key_only_in_case_is_refused() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE);
             RawConnection connection = new RawConnection(server.app().port())) {
            String key = server.firstKey();
            String otherCase = withOneLetterCaseSwapped(key);

            assertThat(connection.get(DEPLOYMENTS, "Authorization: Bearer " + key)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(connection.get(DEPLOYMENTS, "Authorization: Bearer " + key)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(connection.get(DEPLOYMENTS, "Authorization: Bearer " + otherCase))
                    .isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(connection.get(DEPLOYMENTS, "Authorization: Bearer " + key)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /** The key with the first letter of its secret in the other case: another key, and not a valid one. */
    private static String withOneLetterCaseSwapped(String key) {
        int secretStart = key.indexOf('_', 3) + 1;
        for (int i = secretStart; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetter(c)) {
                char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return key.substring(0, i) + swapped + key.substring(i + 1);
            }
        }
        throw new IllegalStateException("a key without letters: " + key);
    }
}
