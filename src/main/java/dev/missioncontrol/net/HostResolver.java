package dev.missioncontrol.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Turns a host name into addresses. The seam lets tests fake DNS, e.g. a name that resolves to 10.x. */
@FunctionalInterface
public interface HostResolver {
    /** How long a lookup may take: the connect timeout, as a lookup is the first part of connecting. */
    Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The system's DNS, bounded: the JDK's lookup has no timeout, and a DNS server that does not answer would hold
     * a webhook attempt (two lookups: the check and the connect) past its 30 s lease, so that another node sends the
     * same alert again, and hold a monitor check as long.
     */
    static HostResolver system() {
        return bounded(host -> List.of(InetAddress.getAllByName(host)), LOOKUP_TIMEOUT);
    }

    /** DNS did not answer in time; its message says so, after the name. */
    final class NoAnswer extends UnknownHostException {
        NoAnswer(String message) {
            super(message);
        }
    }

    /** {@code lookup}, given up on after {@code timeout} as a name that does not resolve. */
    static HostResolver bounded(HostResolver lookup, Duration timeout) {
        return host -> {
            FutureTask<List<InetAddress>> answer = new FutureTask<>(() -> lookup.resolve(host));
            // a platform thread: the native lookup would pin a virtual thread's carrier for as long as it hangs
            Thread.ofPlatform().daemon().name("dns-lookup").start(answer);
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                long ms = timeout.toMillis();
                throw new NoAnswer(host + " (DNS gave no answer within " + (ms % 1000 == 0 ? ms / 1000 + " s)"
                        : ms + " ms)"));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof UnknownHostException u ? u
                        : new UnknownHostException(host + " (" + e.getCause() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException(host + " (interrupted)");
            }
        };
    }
}
