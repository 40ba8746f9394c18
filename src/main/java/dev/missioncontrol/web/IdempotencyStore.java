package dev.missioncontrol.web;

import dev.missioncontrol.store.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Idempotency keys with the response they produced, kept for at least 24 hours. */
public final class IdempotencyStore {
    /** Enough for a key freed between two statements twice in a row, which only a client hammering it could do. */
    private static final int CLAIM_TRIES = 3;
    /** A claim whose request never finished (its node died) may be taken over after this long. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    static final Duration KEEP = Duration.ofHours(48);

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    /** A recorded key; {@code statusCode} is null while its first request is still running. */
    record Entry(String requestHash, Integer statusCode, String responseBody, long createdAt) {
    }

    public IdempotencyStore(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Claims the key for a new request; empty when it was claimed, else the existing entry. On PostgreSQL the claim
     * this one collided with may be released (its request failed) before the entry is read; the key is then free,
     * and claimed again rather than taken for claimed, which would let the request run with no row behind it and a
     * retry of it run once more.
     */
    Optional<Entry> claim(String org, String route, String key, String hash) {
        return jdbi.inTransaction(h -> {
            for (int tries = 1; ; tries++) {
                long now = clock.millis();
                int inserted = h.createUpdate("INSERT INTO idempotency_keys (org_id, route, idem_key, request_hash, "
                                + "created_at) VALUES (:org, :route, :key, :hash, " + dialect.leaseNow() + ") "
                                + "ON CONFLICT DO NOTHING")
                        .bind("org", org).bind("route", route).bind("key", key).bind("hash", hash).bind("now", now)
                        .execute();
                if (inserted == 1 || takeOverAbandoned(h, org, route, key, hash, now)) {
                    return Optional.empty();
                }
                Optional<Entry> existing = find(h, org, route, key);
                if (existing.isPresent() || tries == CLAIM_TRIES) {
                    return existing;
                }
            }
        });
    }

    /**
     * A claim left by a request that never finished (its node died) is taken over, not honoured forever. Its age is
     * told by the lease clock, as a lease's is: read against another node's clock, a claim could look abandoned while
     * its request still runs, and be run twice.
     */
    private boolean takeOverAbandoned(Handle h, String org, String route, String key, String hash, long now) {
        String at = dialect.leaseNow();
        return h.createUpdate("UPDATE idempotency_keys SET request_hash = :hash, created_at = " + at
                        + " WHERE org_id = :org AND route = :route AND idem_key = :key AND status_code IS NULL "
                        + "AND created_at < " + at + " - :abandoned")
                .bind("hash", hash).bind("now", now).bind("org", org).bind("route", route).bind("key", key)
                .bind("abandoned", ABANDONED_AFTER.toMillis()).execute() == 1;
    }

    /** Records the response in the caller's transaction, the one that created the row. */
    void complete(Handle h, String org, String route, String key, int status, String body) {
        h.createUpdate("UPDATE idempotency_keys SET status_code = :status, response_body = :body "
                        + "WHERE org_id = :org AND route = :route AND idem_key = :key")
                .bind("status", status).bind("body", body).bind("org", org).bind("route", route).bind("key", key)
                .execute();
    }

    /** Frees the key when its request failed, so the client may retry with it. */
    void release(String org, String route, String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE org_id = :org AND route = :route "
                        + "AND idem_key = :key AND status_code IS NULL")
                .bind("org", org).bind("route", route).bind("key", key).execute());
    }

    /**
     * Frees every claim whose request never finished. Only for a node that knows no other serves the database (the
     * embedded one's server lock): its requests died with the process before it, so a client retrying one after the
     * restart runs it at once rather than being told to retry in 1 s for the two minutes a claim is held.
     * Nothing is lost: a claim's response is recorded in the same transaction as the request's work.
     */
    public static int releaseUnfinished(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.execute("DELETE FROM idempotency_keys WHERE status_code IS NULL"));
    }

    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
                .bind("before", clock.instant().minus(KEEP).toEpochMilli()).execute());
    }

    private Optional<Entry> find(Handle h, String org, String route, String key) {
        return h.createQuery("SELECT * FROM idempotency_keys WHERE org_id = :org AND route = :route AND idem_key = :key")
                .bind("org", org).bind("route", route).bind("key", key)
                .map((rs, ctx) -> new Entry(rs.getString("request_hash"), (Integer) rs.getObject("status_code"),
                        rs.getString("response_body"), rs.getLong("created_at")))
                .findOne();
    }
}
