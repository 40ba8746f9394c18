package dev.missioncontrol.orgs;

import java.time.Instant;
import java.util.Set;

/** A stored key: everything but the secret, which only its creator ever saw. */
public record ApiKey(String id, String orgId, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
