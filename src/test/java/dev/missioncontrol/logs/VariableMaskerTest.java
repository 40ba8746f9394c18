package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableMaskerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123e4567-e89b-12d3-a456-426614174000 | <*>",
        "10.251.73.220:50010                  | <*>",
        "/10.251.73.220                       | <*>",
        "[173.234.31.186]                     | [<*>]",
        "fe80::1ff:fe23:4567:890a             | <*>",
        "[2001:db8::1]:8080                   | <*>"})
    void masks_uuids_and_ips(String token, String masked) {
        assertThat(VariableMasker.mask(token)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/a?b=1     | <*>",
        "/var/log/app/server.log       | <*>",
        "C:\\Windows\\system32\\x.dll  | <*>",
        "alice@example.com             | <*>",
        "0x7f3a2b                      | <*>",
        "deadbeef0123                  | <*>",
        "2024-01-01T12:00:00Z          | <*>",
        "12:34:56.789                  | <*>",
        "proxy.example.edu:5070        | <*>"})
    void masks_urls_paths_emails_hex_and_times(String token, String masked) {
        assertThat(VariableMasker.mask(token)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "blk_-6952295868487656571 | blk_<*>",
        "core.2275                | core.<*>",
        "12ms                     | <*>",
        "1.5s                     | <*>",
        "12KB                     | <*>",
        "(42)                     | (<*>)",
        "2.6.32                   | <*>",
        "dn228/dn228              | <*>/<*>",
        "eth0                     | <*>"})
    void masks_numbers_durations_and_sizes_keeping_surrounding_words(String token, String masked) {
        assertThat(VariableMasker.mask(token)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "uid=0               | uid=<*>",
        "rhost=218.188.2.4   | rhost=<*>",
        "user=root           | user=root",
        "ruser=              | ruser="})
    void keeps_the_key_and_masks_a_value_that_looks_variable(String token, String masked) {
        assertThat(VariableMasker.mask(token)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"Exception", "[preauth]", "NameSystem.addStoredBlock:", "<*>", "user=root", "5xx", "2XX"})
    void leaves_names_and_words_alone(String token) {
        assertThat(VariableMasker.mask(token)).isEqualTo(token);
    }

    /** A long path, domain or host must not exhaust the stack: the worker running the miner would die with it. */
    @org.junit.jupiter.api.Test
    void masks_very_long_paths_emails_and_hosts_without_overflowing_the_stack() {
        String labels = "a.".repeat(8000);
        assertThat(VariableMasker.mask("path=" + "/a".repeat(8000))).isEqualTo("path=<*>");
        assertThat(VariableMasker.mask("x@" + labels + "com")).isEqualTo("<*>");
        assertThat(VariableMasker.mask(labels + "com:8080")).isEqualTo("<*>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a@b..com      | a@b..com",
        "a@b.          | a@b.",
        "//            | //",
        "host..com:80  | host..com:<*>"})
    void keeps_near_values_that_are_not_paths_emails_or_hosts(String token, String masked) {
        assertThat(VariableMasker.mask(token)).isEqualTo(masked);
    }
}
