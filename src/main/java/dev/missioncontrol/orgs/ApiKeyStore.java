package dev.missioncontrol.orgs;

import dev.missioncontrol.store.BestEffort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** API keys: only the digest of each secret is stored. */
public final class ApiKeyStore {
    /** last_used_at is a hint for people, so it is written at most this often per key. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    private final Jdbi jdbi;
    private final Clock clock;

    /** A new key and the one chance to see its full text. */
    public record CreatedKey(ApiKey key, String plaintext) {
    }

    /** The stored row plus its digest, for the authenticator. */
    record StoredKey(ApiKey key, String secretHash) {
    }

    public ApiKeyStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A key made by {@code createdBy} (an email), or by no one person when that is null. */
    public CreatedKey create(String orgId, String name, Set<Scope> scopes, String createdBy) {
        String keyId = ApiKeyFormat.newKeyId();
        String plaintext = ApiKeyFormat.newKey(keyId);
        String secret = ApiKeyFormat.parse(plaintext).orElseThrow().secret();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, org_id, name, secret_hash, scopes, created_at, "
                        + "created_by) VALUES (:id, :org, :name, :hash, :scopes, :at, :by)")
                .bind("id", keyId).bind("org", orgId).bind("name", name)
                .bind("hash", ApiKeyFormat.digest(secret)).bind("scopes", Scope.join(scopes))
                .bind("at", now.toEpochMilli()).bind("by", createdBy).execute());
        return new CreatedKey(new ApiKey(keyId, orgId, name, scopes, now, null, null, null, createdBy), plaintext);
    }

    /** The keys of this organization that {@code createdBy} made and that still work. */
    public List<ApiKey> usableCreatedBy(String orgId, String createdBy) {
        return list(orgId).stream().filter(k -> createdBy.equals(k.createdBy()) && k.usableAt(clock.instant()))
                .toList();
    }

    public List<ApiKey> list(String orgId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE org_id = :org ORDER BY created_at")
                .bind("org", orgId).map((rs, ctx) -> stored(rs, ctx).key()).list());
    }

    /** Revokes a key; returns false when there is no such key (in that organization, when one is given). */
    public boolean revoke(String keyId, String orgIdOrNull) {
        String scope = orgIdOrNull == null ? "" : " AND org_id = :org";
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id"
                        + " AND revoked_at IS NULL" + scope)
                .bind("now", clock.millis()).bind("id", keyId).bind("org", orgIdOrNull).execute()) > 0;
    }

    /** The key whose secret matches, if it is usable now. Every call reads the row, so revocation is immediate. */
    public Optional<ApiKey> verify(ApiKeyFormat.ParsedKey parsed) {
        Optional<StoredKey> found = jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE id = :id")
                .bind("id", parsed.keyId()).map(ApiKeyStore::stored).findOne());
        return found.filter(s -> ApiKeyFormat.digestMatches(parsed.secret(), s.secretHash()))
                .map(StoredKey::key)
                .filter(k -> k.usableAt(clock.instant()));
    }

    public void touch(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() != null && key.lastUsedAt().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        BestEffort.write("when an API key was last used", () -> jdbi.useHandle(h -> h.createUpdate(
                "UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", key.id()).execute()));
    }

    static StoredKey stored(ResultSet rs, StatementContext ctx) throws SQLException {
        ApiKey key = new ApiKey(rs.getString("id"), rs.getString("org_id"), rs.getString("name"),
                Scope.split(rs.getString("scopes")), instant(rs, "created_at"), instant(rs, "last_used_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("created_by"));
        return new StoredKey(key, rs.getString("secret_hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
