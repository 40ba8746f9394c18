package dev.missioncontrol.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/acme/web/actions/runs/1", "http://ci.internal:8080/job/web/12/",
            "https://ci.example", "https://user:pw@ci.example:443/x?y=1#z", "http://[::1]:65535/", "http://10.0.0.7:1",
            "HTTPS://CI.EXAMPLE/Run", "https://ci.example?run=1", "https://gitlab.example/g/s/p/-/pipelines/7"})
    void links_ci_systems_give_are_taken(String url) {
        assertThat(Validator.HTTP_URL.matcher(url).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x/y", "https://", "https:///path", "https://ci.example:0/", "https://ci.example:70000/",
            "https://ci.example:65536", "https://ci.example:80x/", "https://ci example/", "javascript:alert(1)",
            "https://ci.example/a b", "//ci.example/x"})
    void anything_else_is_refused(String url) {
        assertThat(Validator.HTTP_URL.matcher(url).matches()).isFalse();
    }
}
