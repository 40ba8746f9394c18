package dev.missioncontrol.auth;

import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.store.BestEffort;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Logins to the web UI. The cookie carries a random token; the table holds only its digest, so every node can check
 * it and a leaked table logs nobody in. A login lapses after {@link #IDLE} without use, and after {@link #MAX_AGE}
 * whatever happens.
 */
public final class WebSessionStore {
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** last_seen_at only moves the idle deadline, so it is written at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    /** A logged-in person as the UI needs them: who, their organization and their CSRF token. */
    public record WebSession(String tokenHash, User user, String csrfToken, Instant lastSeenAt) {
    }

    /** A new login: {@code token} goes in the cookie and is never stored. */
    public record Created(String token, WebSession session) {
    }

    public WebSessionStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Created create(User user) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        String hash = ApiKeyFormat.digest(token);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, "
                        + "last_seen_at, expires_at) VALUES (:hash, :user, :csrf, :now, :now, :expires)")
                .bind("hash", hash).bind("user", user.id()).bind("csrf", csrf).bind("now", now.toEpochMilli())
                .bind("expires", now.plus(MAX_AGE).toEpochMilli()).execute());
        return new Created(token, new WebSession(hash, user, csrf, now));
    }

    /** The login this cookie token belongs to, while it is neither idle too long nor too old. */
    public Optional<WebSession> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<WebSession> found = jdbi.withHandle(h -> h.createQuery("SELECT w.token_hash, w.csrf_token, "
                        + "w.last_seen_at, u.* FROM web_sessions w JOIN users u ON u.id = w.user_id "
                        + "WHERE w.token_hash = :hash AND w.expires_at > :now AND w.last_seen_at > :idle")
                .bind("hash", ApiKeyFormat.digest(token)).bind("now", now.toEpochMilli())
                .bind("idle", now.minus(IDLE).toEpochMilli())
                .map((rs, ctx) -> new WebSession(rs.getString("token_hash"), UserStore.user(rs, ctx),
                        rs.getString("csrf_token"), Instant.ofEpochMilli(rs.getLong("last_seen_at"))))
                .findOne());
        found.filter(s -> s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)).ifPresent(s -> touch(s, now));
        return found;
    }

    public void delete(String token) {
        if (token != null) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE token_hash = :hash")
                    .bind("hash", ApiKeyFormat.digest(token)).execute());
        }
    }

    /**
     * Ends every login of this user except the one holding {@code keptToken} (null ends all): after a password
     * change, whoever knew the old password must not stay logged in.
     */
    public int endOthers(String userId, String keptToken) {
        String kept = keptToken == null ? "" : ApiKeyFormat.digest(keptToken);
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE user_id = :user "
                        + "AND token_hash <> :kept")
                .bind("user", userId).bind("kept", kept).execute());
    }

    /** Drops lapsed logins; called now and then so the table does not grow without bound. */
    public int deleteExpired() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE expires_at <= :now "
                        + "OR last_seen_at <= :idle")
                .bind("now", now.toEpochMilli()).bind("idle", now.minus(IDLE).toEpochMilli()).execute());
    }

    /** Keeps {@code sealed} on the login for its next page, replacing anything not yet shown. */
    public void putFlash(String token, String sealed) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE web_sessions SET flash = :flash WHERE token_hash = :hash")
                .bind("flash", sealed).bind("hash", ApiKeyFormat.digest(token)).execute());
    }

    /**
     * The login's flash, cleared as it is read: of two pages loading at once, only the one whose clearing changed the
     * row shows it.
     */
    public Optional<String> takeFlash(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeyFormat.digest(token);
        return jdbi.inTransaction(h -> h.createQuery("SELECT flash FROM web_sessions WHERE token_hash = :hash "
                        + "AND flash IS NOT NULL").bind("hash", hash).mapTo(String.class).findOne()
                .filter(flash -> h.createUpdate("UPDATE web_sessions SET flash = NULL WHERE token_hash = :hash "
                        + "AND flash = :flash").bind("hash", hash).bind("flash", flash).execute() == 1));
    }

    private void touch(WebSession s, Instant now) {
        BestEffort.write("when a login was last seen", () -> jdbi.useHandle(h -> h.createUpdate(
                "UPDATE web_sessions SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("now", now.toEpochMilli()).bind("hash", s.tokenHash()).execute()));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
