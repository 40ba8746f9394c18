package dev.missioncontrol.web;

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
 * Token buckets per API key: writes at the configured rate and burst, reads at ten times that. Every API response
 * carries the IETF RateLimit-Policy and RateLimit headers of the bucket it drew from.
 */
public final class RateLimits {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;
    private final int burst;

    public RateLimits(int writesPerMinute, int writeBurst) {
        this.perMinute = writesPerMinute;
        this.burst = writeBurst;
    }

    /** A before-handler that runs after authentication. */
    public void apply(Context ctx) {
        Principal p = ApiAccess.principal(ctx);
        boolean write = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        int scale = write ? 1 : 10;
        String name = write ? "writes" : "reads";
        Bucket bucket = buckets.computeIfAbsent(name + ":" + p.rateKey(), k -> newBucket(scale));
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
