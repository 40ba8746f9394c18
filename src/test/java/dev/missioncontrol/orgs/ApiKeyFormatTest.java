package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void a_new_key_has_the_documented_shape_and_parses_back() {
        String key = ApiKeyFormat.newKey("AbCd1234");
        assertThat(key).matches("mc_AbCd1234_[0-9A-Za-z]{38}");
        var parsed = ApiKeyFormat.parse(key).orElseThrow();
        assertThat(parsed.keyId()).isEqualTo("AbCd1234");
        assertThat(parsed.secret()).hasSize(32);
        assertThat(ApiKeyFormat.digestMatches(parsed.secret(), ApiKeyFormat.digest(parsed.secret()))).isTrue();
    }

    @Property
    void any_single_character_change_is_rejected_before_the_database(@ForAll("positions") int position) {
        String key = ApiKeyFormat.newKey("AbCd1234");
        char c = key.charAt(position);
        String changed = key.substring(0, position) + (c == 'x' ? 'y' : 'x') + key.substring(position + 1);
        assertThat(ApiKeyFormat.parse(changed)).isEmpty();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> positions() {
        return net.jqwik.api.Arbitraries.integers().between(3, 49).filter(i -> i != 11);
    }

    @Property
    void random_text_is_not_a_key(@ForAll @AlphaChars @StringLength(max = 80) String text) {
        assertThat(ApiKeyFormat.parse(text)).isEmpty();
        assertThat(ApiKeyFormat.parse("mc_" + text)).isEmpty();
    }

    @Test
    void a_key_is_found_inside_other_text_but_mc_alone_is_not_a_key() {
        String key = ApiKeyFormat.newKey("AbCd1234");
        assertThat(ApiKeyFormat.appearsIn("Bearer " + key)).isTrue();
        assertThat(ApiKeyFormat.appearsIn(key)).isTrue();
        assertThat(ApiKeyFormat.appearsIn("acme/mc_service")).isFalse();
        // a changed character, never the one already there (a random key holds an x at 20 one time in 62)
        String changed = key.substring(0, 20) + (key.charAt(20) == 'x' ? 'y' : 'x') + key.substring(21);
        assertThat(ApiKeyFormat.appearsIn(changed)).as("bad checksum").isFalse();
        assertThat(ApiKeyFormat.appearsIn(null)).isFalse();
    }

    @Test
    void the_digest_differs_from_the_secret_and_is_stable() {
        assertThat(ApiKeyFormat.digest("s")).isEqualTo(ApiKeyFormat.digest("s")).doesNotContain("s3");
        assertThat(ApiKeyFormat.digestMatches("a", ApiKeyFormat.digest("b"))).isFalse();
    }
}
