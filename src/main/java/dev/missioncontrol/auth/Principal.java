package dev.missioncontrol.auth;

import dev.missioncontrol.orgs.Scope;
import java.util.Set;

/**
 * Who is calling: an API key, or a person logged in to the UI (who holds every scope of their organization).
 *
 * @param keyId the API key id, or null for a person
 * @param userId the user id, or null for an API key
 * @param name   how people know the caller: the person's email, or the key's name
 * @param admin  may change the organization's settings: a person with the admin role, or a key with every scope
 */
public record Principal(String orgId, String keyId, String userId, String name, Set<Scope> scopes, boolean admin) {

    public static Principal ofKey(String orgId, String keyId, String name, Set<Scope> scopes) {
        return new Principal(orgId, keyId, null, name, scopes, scopes.containsAll(Scope.all()));
    }

    /** A person logged in to the UI holds every scope of the organization; what they may change is their role's. */
    public static Principal ofPerson(String orgId, String userId, String email, boolean admin) {
        return new Principal(orgId, null, userId, email, Scope.all(), admin);
    }

    public boolean can(Scope scope) {
        return scopes.contains(scope);
    }

    /** The bucket rate limits are counted in. */
    public String rateKey() {
        return keyId != null ? "key:" + keyId : "user:" + userId;
    }
}
