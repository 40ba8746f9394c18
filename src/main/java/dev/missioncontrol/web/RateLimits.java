package dev.missioncontrol.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.missioncontrol.auth.Principal;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per API key: writes at the configured rate and burst, reads at ten times that. Requests without a
 * valid key draw from a bucket per client address at the write rate, so a refusal carries a limit too and a flood
 * of guessed keys is slowed. Every API response carries the IETF RateLimit-Policy and RateLimit headers of the
 * bucket it drew from.
 */
public final class RateLimits {
    /** Bounds memory under a flood from many addresses. */
    private static final int MAX_ADDRESSES = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Cache<String, Bucket> byAddress;
    private final int perMinute;
    private final int burst;

    public RateLimits(int writesPerMinute, int writeBurst) {
        this.perMinute = writesPerMinute;
        this.burst = writeBurst;
        // An address idle for as long as its bucket takes to refill has a full bucket: forgetting it loses nothing.
        Duration refill = Duration.ofMillis(Math.max(60_000, 60_000L * writeBurst / writesPerMinute + 1));
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(refill)
                .executor(Runnable::run).build();
    }

    /** A before-handler that runs after authentication. */
    public void apply(Context ctx) {
        Principal p = ApiAccess.principal(ctx);
        boolean write = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        int scale = write ? 1 : 10;
        String name = write ? "writes" : "reads";
        draw(ctx, buckets.computeIfAbsent(name + ":" + p.rateKey(), k -> newBucket(scale)), name, scale);
    }

    /**
     * For a request about to be refused for want of a valid key: draws from its client address's bucket, so the 401
     * says which limit applied, or a 429 answers instead once the address has spent it.
     */
    void applyUnauthenticated(Context ctx) {
        draw(ctx, byAddress.get(ClientAddress.limitKey(ctx), k -> newBucket(1)), "unauthenticated", 1);
    }

    private void draw(Context ctx, Bucket bucket, String name, int scale) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        ctx.header("RateLimit-Policy", "\"" + name + "\";q=" + perMinute * scale + ";w=60;burst=" + burst * scale);
        ctx.header("RateLimit", "\"" + name + "\";r=" + probe.getRemainingTokens() + ";t="
                + (probe.isConsumed() ? secondsToFull(probe.getRemainingTokens(), scale) : waitSeconds));
        if (!probe.isConsumed()) {
            throw new HttpProblem(429, "rate-limited", "Too many requests",
                    "rate limit of " + perMinute * scale + " " + name + " per minute exceeded; retry after "
                            + waitSeconds + " s", Map.of("Retry-After", Long.toString(waitSeconds)));
        }
    }

    private Bucket newBucket(int scale) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity((long) burst * scale)
                .refillGreedy((long) perMinute * scale, Duration.ofMinutes(1)).build()).build();
    }

    private long secondsToFull(long remaining, int scale) {
        double perSecond = perMinute * scale / 60.0;
        return (long) Math.ceil((burst * scale - remaining) / perSecond);
    }
}
