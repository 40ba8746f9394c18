package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.store.Json;

/**
 * Sessions' contexts as the API shows them, secrets masked. A context can hold tens of megabytes of pasted logs, and
 * masking them takes a while; it never changes once the session is created, so a client asking again and again gets
 * the copy masked the first time. The stored context stays as sent: the analyst searches the raw logs.
 */
final class MaskedContexts {
    /** About 64 MB of masked JSON kept per node; a context larger than that alone is masked on every request. */
    private static final long MAX_CHARS = 32L << 20;

    private final Cache<String, String> bySession = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((String id, String json) -> json.length()).executor(Runnable::run).build();

    /** The session's context as JSON text to write out as it is; {@code s} must be read with its context. */
    RawValue of(AgentSession s) {
        return new RawValue(bySession.get(s.id(), id -> Json.write(Redactor.redact(s.context()))));
    }
}
