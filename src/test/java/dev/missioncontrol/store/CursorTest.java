package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void round_trips_its_position() {
        String id = Ids.newId();
        Cursor c = Cursor.after(Instant.ofEpochMilli(1234567), id);
        assertThat(Cursor.decode(c.encode())).contains(c);
    }

    @Test
    void rejects_cursors_it_did_not_make() {
        assertThat(Cursor.decode("garbage")).isEmpty();
        assertThat(Cursor.decode("")).isEmpty();
        assertThat(Cursor.decode(java.util.Base64.getUrlEncoder().encodeToString("12:not-a-uuid".getBytes())))
                .isEmpty();
    }

    @Test
    void new_ids_are_version_7_and_sort_by_time() {
        String a = Ids.newId(java.time.Clock.fixed(Instant.ofEpochMilli(1000), java.time.ZoneOffset.UTC));
        String b = Ids.newId(java.time.Clock.fixed(Instant.ofEpochMilli(2000), java.time.ZoneOffset.UTC));
        assertThat(java.util.UUID.fromString(a).version()).isEqualTo(7);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(Ids.isValid(a)).isTrue();
        assertThat(Ids.isValid("1' OR 1=1")).isFalse();
    }
}
