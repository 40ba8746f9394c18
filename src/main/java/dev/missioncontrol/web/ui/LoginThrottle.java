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

/**
 * Slows password guessing: a token bucket per client address and one per email address, so neither one host trying
 * many accounts nor many hosts trying one account get far. Buckets live in this node's memory; across N nodes an
 * attacker gets at most N times the rate, still far too slow against bcrypt-hashed passwords.
 *
 * <p>Each kind of bucket sits in its own bounded cache, forgotten once a whole window passes without an attempt (a
 * full bucket again). The caches admit by frequency: a flood of fresh addresses or email addresses, each tried once,
 * cannot push out the bucket of an account someone keeps guessing at.
 */
final class LoginThrottle {
    /** Bounds memory under a flood of distinct addresses or accounts. */
    static final int MAX_BUCKETS = 50_000;

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byAccount;
    private final int perAddress;
    private final int perAccount;
    private final Duration window;

    LoginThrottle(int perAddress, int perAccount, Duration window) {
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.window = window;
        this.byAddress = buckets(window);
        this.byAccount = buckets(window);
    }

    static LoginThrottle defaults() {
        return new LoginThrottle(30, 10, Duration.ofMinutes(5));
    }

    /** Empty when the attempt may go ahead; otherwise how many seconds to wait. */
    OptionalLong attempt(String address, String email) {
        ConsumptionProbe fromAddress = take(byAddress, address, perAddress);
        if (!fromAddress.isConsumed()) {
            return OptionalLong.of(seconds(fromAddress));
        }
        String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        ConsumptionProbe onAccount = take(byAccount, account, perAccount);
        return onAccount.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(onAccount));
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
                .refillGreedy(capacity, window).build()).build()).tryConsumeAndReturnRemaining(1);
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
