package dev.missioncontrol.orgs;

import java.time.Instant;
import java.util.Set;

/**
 * A stored key: everything but the secret, which only its creator ever saw.
 *
 * @param createdBy the email of the person who created it on the settings page (the first admin for the key printed at
 *                  first start); null for keys made from the command line or before creators were recorded
 */
public record ApiKey(String id, String orgId, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, Instant revokedAt, String createdBy) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
