package dev.missioncontrol.auth;

import dev.missioncontrol.orgs.ApiKey;
import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.orgs.ApiKeyStore;
import java.util.Locale;
import java.util.Optional;

/** Turns an Authorization header into a {@link Principal}. Pure of HTTP, so it is tested without a server. */
public final class ApiKeyAuthenticator {
    private final ApiKeyStore keys;

    /** Why a credential was refused; the HTTP layer answers each with 401. */
    public enum Refusal {
        MISSING("an API key is required: send Authorization: Bearer <key>"),
        MALFORMED("the Authorization header is not a Mission Control API key"),
        UNKNOWN("the API key is unknown, revoked or expired");

        public final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }
    }

    /** Either a principal or the reason there is none. */
    public record Outcome(Principal principal, Refusal refusal) {
    }

    public ApiKeyAuthenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** Accepts {@code Bearer <key>} and, because the official GitHub Action sends it, {@code Token <key>}. */
    public Outcome authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Outcome(null, Refusal.MISSING);
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length != 2 || !(scheme.equals("bearer") || scheme.equals("token"))) {
            return new Outcome(null, Refusal.MALFORMED);
        }
        Optional<ApiKeyFormat.ParsedKey> parsed = ApiKeyFormat.parse(parts[1].strip());
        if (parsed.isEmpty()) {
            return new Outcome(null, Refusal.MALFORMED);
        }
        Optional<ApiKey> key = keys.verify(parsed.get());
        if (key.isEmpty()) {
            return new Outcome(null, Refusal.UNKNOWN);
        }
        keys.touch(key.get());
        ApiKey k = key.get();
        return new Outcome(Principal.ofKey(k.orgId(), k.id(), k.name(), k.scopes()), null);
    }
}
