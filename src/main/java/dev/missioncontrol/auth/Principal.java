package dev.missioncontrol.auth;

import dev.missioncontrol.orgs.Scope;
import java.util.Set;

/**
 * Who is calling: an API key, or a person logged in to the UI (who holds every scope of their organization).
 *
 * @param keyId the API key id, or null for a person
 * @param userId the user id, or null for an API key
 */
public record Principal(String orgId, String keyId, String userId, Set<Scope> scopes) {

    public boolean can(Scope scope) {
        return scopes.contains(scope);
    }

    /** The bucket rate limits are counted in. */
    public String rateKey() {
        return keyId != null ? "key:" + keyId : "user:" + userId;
    }
}
