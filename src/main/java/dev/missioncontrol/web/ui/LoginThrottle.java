package dev.missioncontrol.web.ui;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Slows password guessing with token buckets: one per client address (one host trying many accounts), one per account
 * and address (one host guessing one account), and a larger one per account (many hosts guessing one account
 * together). The account's own bucket is larger than the pair's so that a stranger's few wrong guesses cannot lock
 * its owner out: doing so takes as many attempts as several hosts' address buckets allow. Buckets live in this node's
 * memory; across N nodes an attacker gets at most N times the rate, still far too slow against bcrypt-hashed
 * passwords.
 *
 * <p>Each kind of bucket sits in its own bounded cache, forgotten once a whole window passes without an attempt (a
 * full bucket again). The caches admit by frequency: a flood of fresh addresses or email addresses, each tried once,
 * cannot push out the bucket of an account someone keeps guessing at.
 */
final class LoginThrottle {
    /** Bounds memory under a flood of distinct addresses or accounts. */
    static final int MAX_BUCKETS = 50_000;

    /** Attempts allowed per window, for each kind of bucket. */
    record Limits(int perAddress, int perAccountFromAddress, int perAccount, Duration window) {
    }

    private final Limits limits;
    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byAccountFromAddress;
    private final Cache<String, Bucket> byAccount;

    LoginThrottle(Limits limits) {
        this.limits = limits;
        this.byAddress = buckets(limits.window());
        this.byAccountFromAddress = buckets(limits.window());
        this.byAccount = buckets(limits.window());
    }

    static LoginThrottle defaults() {
        return new LoginThrottle(new Limits(30, 10, 100, Duration.ofMinutes(5)));
    }

    /**
     * Empty when the attempt may go ahead; otherwise how many seconds to wait. An attempt that goes ahead takes its
     * token before the password is checked, so guesses sent in parallel cannot all pass the check before any is
     * counted; {@link #succeeded} gives it back.
     */
    OptionalLong attempt(String address, String email) {
        String account = account(email);
        ConsumptionProbe refused = firstRefusal(
                () -> take(byAddress, address, limits.perAddress()),
                () -> take(byAccountFromAddress, account + "\n" + address, limits.perAccountFromAddress()),
                () -> take(byAccount, account, limits.perAccount()));
        return refused == null ? OptionalLong.empty() : OptionalLong.of(seconds(refused));
    }

    /**
     * Returns the token of an attempt whose password was right: only wrong guesses use the budget, so a person who
     * logs in often (or a script that does) is never held back, while a guesser still pays for every miss.
     */
    void succeeded(String address, String email) {
        String account = account(email);
        giveBack(byAddress, address);
        giveBack(byAccountFromAddress, account + "\n" + address);
        giveBack(byAccount, account);
    }

    private static String account(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A bucket never holds more than its capacity, so a refund cannot raise the budget above the limit. */
    private static void giveBack(Cache<String, Bucket> buckets, String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Takes from each bucket in turn, stopping at the first that is empty, so a refused attempt costs no more. */
    @SafeVarargs
    private static ConsumptionProbe firstRefusal(Supplier<ConsumptionProbe>... buckets) {
        for (Supplier<ConsumptionProbe> bucket : buckets) {
            ConsumptionProbe probe = bucket.get();
            if (!probe.isConsumed()) {
                return probe;
            }
        }
        return null;
    }

    /**
     * Eviction runs on the calling thread, settled before the next attempt is counted; a flood pays for its own
     * evictions.
     */
    private static Cache<String, Bucket> buckets(Duration window) {
        return Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(window).executor(Runnable::run)
                .build();
    }

    private ConsumptionProbe take(Cache<String, Bucket> buckets, String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, limits.window()).build()).build()).tryConsumeAndReturnRemaining(1);
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
