package dev.missioncontrol.web.ui;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing: a token bucket per client address and one per email address, so neither one host trying
 * many accounts nor many hosts trying one account get far. Buckets live in this node's memory; across N nodes an
 * attacker gets at most N times the rate, still far too slow against bcrypt-hashed passwords.
 */
final class LoginThrottle {
    /** Bounds memory under a flood of distinct addresses; a cleared map only forgives some waiting attempts. */
    private static final int MAX_BUCKETS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perAddress;
    private final int perAccount;
    private final Duration window;

    LoginThrottle(int perAddress, int perAccount, Duration window) {
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.window = window;
    }

    static LoginThrottle defaults() {
        return new LoginThrottle(30, 10, Duration.ofMinutes(5));
    }

    /** Empty when the attempt may go ahead; otherwise how many seconds to wait. */
    OptionalLong attempt(String address, String email) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        ConsumptionProbe byAddress = take("ip:" + address, perAddress);
        if (!byAddress.isConsumed()) {
            return OptionalLong.of(seconds(byAddress));
        }
        String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        ConsumptionProbe byAccount = take("email:" + account, perAccount);
        return byAccount.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(byAccount));
    }

    private ConsumptionProbe take(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, window).build()).build()).tryConsumeAndReturnRemaining(1);
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
