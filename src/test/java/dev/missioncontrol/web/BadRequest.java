package dev.missioncontrol.web;

import dev.missioncontrol.testing.Api;
import java.util.function.Supplier;

/** One malformed request and the status API.md documents for it. */
record BadRequest(String name, int expectedStatus, Supplier<Api.Reply> send) {
}
