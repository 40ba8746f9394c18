package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    @Test
    void a_field_given_twice_is_named_in_the_clients_words() {
        assertThat(describe("{\"status\":\"success\",\"status\":\"failure\"}"))
                .startsWith("the body is not valid JSON: the field \"status\" appears twice in one object");
        assertThat(describe("{\"event_metadata\":{\"env\":\"prod\",\"env\":\"dev\"}}"))
                .contains("the field \"env\" appears twice");
    }

    @Test
    void a_long_repeated_name_is_cut_and_no_parser_words_get_through() {
        String name = "n".repeat(500);
        String detail = describe("{\"" + name + "\":1,\"" + name + "\":2}");
        assertThat(detail).contains("n".repeat(63) + "\u2026\" appears twice").doesNotContain("n".repeat(64));
        assertThat(detail).doesNotContain("ObjectNode", "DeserializationFeature", "Jackson");
    }

    @Test
    void the_same_name_in_two_objects_is_no_duplicate() throws Exception {
        assertThat(RequestBody.ONE_VALUE.readTree("{\"a\":{\"x\":1},\"b\":{\"x\":2}}").path("b").path("x").asInt())
                .isEqualTo(2);
    }

    private static String describe(String body) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> RequestBody.ONE_VALUE.readTree(body));
        assertThat(e).as("refused: " + body).isNotNull();
        return JsonSyntax.describe(e);
    }
}
