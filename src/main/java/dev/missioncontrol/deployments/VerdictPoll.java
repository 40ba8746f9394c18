package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.client.ApiClient;
import dev.missioncontrol.client.ClientException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * deploy --wait's long poll for the verdict. The deployment is recorded by then, so a server restarting, a proxy
 * answering 5xx or a rate limit (429) mid-wait is waited out (with a growing pause, or the Retry-After asked for)
 * until the deadline instead of failing the pipeline.
 */
final class VerdictPoll {
    /**
     * One long poll asks the server to hold it at most this long, though the server would hold it 600 s (API.md): a
     * proxy in front of the server ends a request that says nothing for longer than its read timeout with a 502 or
     * 504 (30 s at Heroku and Google's load balancer, 60 s at nginx and AWS's), and a wait cut each time would fill
     * the CI log with them. A poll every 25 s costs the server nothing.
     */
    static final int MAX_WAIT_PER_REQUEST = 25;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private final ApiClient client;
    private final PrintWriter err;

    VerdictPoll(ApiClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
    }

    /**
     * The deployment as last read once its verdict is final or {@code max} has passed. A refusal (4xx) ends the wait
     * as a failure, and so does a server that never answered, or stopped answering and never came back: "none yet",
     * exit 4, would read as a verdict still to come, when the pipeline learnt nothing of it since the last answer
     * (a server stopping answers its held polls "pending" as it goes).
     */
    JsonNode await(String deploymentId, Duration max) {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        JsonNode last = null;
        long lastAnswered = started;
        ClientException lastFailure = null;
        Duration pause = FIRST_PAUSE;
        do {
            long left = Math.max(1, Math.min(MAX_WAIT_PER_REQUEST, (deadline - System.nanoTime()) / 1_000_000_000L));
            try {
                last = client.get("/api/v1/deployments/" + deploymentId + "/?wait=" + left,
                        Duration.ofSeconds(left + 30));
                lastAnswered = System.nanoTime();
                lastFailure = null;
                pause = FIRST_PAUSE;
            } catch (ClientException e) {
                if (!e.isTransient()) {
                    // a refusal (a key without deployments:read, a revoked key) is no verdict still to come: a
                    // "none yet" exit 4, which pipelines often let pass, would skip the gate without saying why
                    throw new ClientException("cannot read the verdict: " + e.getMessage());
                }
                lastFailure = e;
                err.println("missionctl deploy: " + e.getMessage() + "; trying again");
                // a rate limit's Retry-After is kept to, or the next poll is refused too
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                sleep(asked.compareTo(pause) > 0 ? asked : pause, deadline);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        } while (pending(last) && System.nanoTime() < deadline);
        if (last == null) {
            throw new ClientException("cannot read the verdict: no answer in the " + max.toSeconds() + " s waited, "
                    + "the last was " + lastFailure.getMessage() + " (the deployment is recorded and its watch goes on)");
        }
        if (lastFailure != null && pending(last)) {
            throw new ClientException("cannot read the verdict: the server last answered (still pending) "
                    + (lastAnswered - started) / 1_000_000_000L + " s into the " + max.toSeconds() + " s waited, then "
                    + lastFailure.getMessage() + " (the deployment is recorded and its watch goes on)");
        }
        return last;
    }

    private static boolean pending(JsonNode deployment) {
        return deployment == null || deployment.path("verdict").path("state").asText("pending").equals("pending");
    }

    private static void sleep(Duration pause, long deadline) {
        DeployCommand.pause(Duration.ofMillis(Math.min(pause.toMillis(),
                Math.max(0, (deadline - System.nanoTime()) / 1_000_000L))));
    }
}
