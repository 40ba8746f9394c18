package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headers file for the server-wide Prometheus: what it may hold, and refusals that never repeat a value. */
class PrometheusHeadersTest {
    @TempDir
    Path dir;

    @Test
    void reads_name_value_lines_and_leaves_out_comments_and_blank_lines() {
        assertThat(PrometheusHeaders.parse("# Mimir\r\n\nAuthorization:  Bearer abc.def \nX-Scope-OrgID:team-a\n"))
                .containsExactly(Map.entry("Authorization", "Bearer abc.def"), Map.entry("X-Scope-OrgID", "team-a"));
        assertThat(PrometheusHeaders.parse("")).isEmpty();
    }

    @Test
    void a_line_that_is_no_header_is_refused_by_its_number_without_its_value() {
        assertThatThrownBy(() -> PrometheusHeaders.parse("Authorization: Bearer s3cr3t\nBearer s3cr3t\n"))
                .hasMessage("line 2 is not a header: write it as Name: value");
        assertThatThrownBy(() -> PrometheusHeaders.parse("Bad Name: s3cr3t"))
                .hasMessageStartingWith("line 1 is not a header");
        assertThatThrownBy(() -> PrometheusHeaders.parse("Authorization:   \n"))
                .hasMessage("line 1: the value of Authorization is empty or holds a control character");
        assertThatThrownBy(() -> PrometheusHeaders.parse("X-Token: a\u0007s3cr3t"))
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> PrometheusHeaders.parse("Authorization: Basic a\nauthorization: Basic s3cr3t"))
                .hasMessage("line 2 sets authorization a second time");
        assertThatThrownBy(() -> PrometheusHeaders.parse("Host: prometheus.internal"))
                .hasMessage("line 1 sets Host, which the HTTP client sets itself");
    }

    @Test
    void the_file_is_read_again_each_time_so_a_rotated_token_is_used() throws Exception {
        Path file = dir.resolve("headers");
        Files.writeString(file, "Authorization: Bearer first\n");
        PrometheusHeaders headers = PrometheusHeaders.from(file);
        Files.writeString(file, "Authorization: Bearer second\n");
        assertThat(headers.read()).containsEntry("Authorization", "Bearer second");
        Files.delete(file);
        assertThatThrownBy(headers::read).hasMessage(file + " does not exist");
        assertThat(PrometheusHeaders.at(null).read()).isEmpty();
    }

    @Test
    void a_file_the_server_may_not_read_or_far_too_large_is_refused() throws Exception {
        Path large = dir.resolve("large");
        Files.writeString(large, "X-Pad: " + "a".repeat(PrometheusHeaders.MAX_BYTES) + "\n");
        assertThatThrownBy(() -> PrometheusHeaders.from(large)).hasMessageEndingWith("is larger than 65536 bytes");
        Path closed = dir.resolve("closed");
        Files.writeString(closed, "Authorization: Bearer x\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(closed)) { // root reads it anyway
            assertThatThrownBy(() -> PrometheusHeaders.from(closed))
                    .hasMessage(closed + " may not be read by the user the server runs as");
        }
    }
}
