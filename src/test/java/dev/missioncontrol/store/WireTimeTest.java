package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-01-15T10:30:00+02:00",
        " 2026-01-15T10:30:00Z ", "2026-01-15 10:30:00Z", "2026-01-15t10:30:00z"})
    void reads_rfc_3339_times_of_the_years_0000_to_9999_as_epoch_millis(String text) {
        Instant t = WireTime.parse(text).orElseThrow();
        assertThat(Instant.ofEpochMilli(t.toEpochMilli())).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59Z", "yesterday", "2026-01-15", "", "2026-01-15  10:30:00Z", "2026-01-15 10:30Z"})
    void refuses_years_beyond_rfc_3339_and_anything_else_malformed(String text) {
        assertThat(WireTime.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_space_between_date_and_time_reads_as_the_t_it_stands_for() {
        assertThat(WireTime.parse("2026-01-15 10:30:00+02:00")).hasValue(Instant.parse("2026-01-15T08:30:00Z"));
    }

    @org.junit.jupiter.api.Test
    void writes_every_time_with_milliseconds_even_on_a_whole_second_and_in_records_the_mapper_writes() {
        Instant whole = Instant.parse("2026-01-15T10:30:00Z");
        assertThat(WireTime.format(whole)).isEqualTo("2026-01-15T10:30:00.000Z");
        assertThat(WireTime.format(Instant.parse("2026-01-15T10:30:00.123456789Z")))
                .isEqualTo("2026-01-15T10:30:00.123Z");
        record Check(Instant at) {
        }
        assertThat(Json.write(new Check(whole))).isEqualTo("{\"at\":\"2026-01-15T10:30:00.000Z\"}");
        assertThat(Json.MAPPER.convertValue(Json.read("{\"at\":\"2026-01-15T10:30:00Z\"}"), Check.class).at())
                .as("read back as before").isEqualTo(whole);
    }
}
