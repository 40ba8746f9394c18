package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Api;
import java.util.function.Supplier;

/**
 * One malformed request and the status API.md documents for it; for a 422, {@code pointer} (when not null) is the
 * field its errors[] must name.
 */
record BadRequest(String name, int expectedStatus, String pointer, Supplier<Api.Reply> send) {
    BadRequest(String name, int expectedStatus, Supplier<Api.Reply> send) {
        this(name, expectedStatus, null, send);
    }

    /** Sends the request and checks the problem that comes back. */
    void verify() {
        Api.Reply r = send.get();
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        ProblemAssert.assertProblem(r, expectedStatus);
        if (pointer != null) {
            assertThat(r.json().path("errors").findValuesAsText("pointer")).as(r.body()).contains(pointer);
        }
    }
}
