package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.client.Answers;
import dev.missioncontrol.client.ApiClient;
import dev.missioncontrol.client.ClientException;
import dev.missioncontrol.monitor.DeployStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.Sha256;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code missionctl deploy}: posts a deployment event from CI and, with {@code --wait}, gates the pipeline on the
 * deploy monitor's verdict. Exit codes: 0 healthy or marginal (or posted without waiting), 3 degraded or failed,
 * 4 inconclusive or no verdict in time, 1 when the event could not be posted or the verdict could not be read (a key
 * without deployments:read, a server that never answered the wait or stopped answering it: a "none yet" 4, which
 * pipelines often let pass, would skip the gate without saying why).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Record a deployment from CI; with --wait, exit non-zero when the deploy monitor judges it bad.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded; with --wait, judged healthy or marginal",
                "3:judged degraded, or the deploy failed",
                "4:judged inconclusive, no verdict within --wait, or a pending or running event (not judged)",
                "1:not recorded, or the verdict could not be read (the key lacks deployments:read, or the server "
                        + "never answered or stopped answering)",
                "2:a usage error"})
public final class DeployCommand implements Callable<Integer> {
    static final int BAD = 3;
    static final int UNKNOWN = 4;
    static final int ERROR = 1;
    /** Three tries over three seconds ride out a proxy's hiccup; a server down for longer fails the job plainly. */
    private static final int POST_ATTEMPTS = 3;
    /** A rate limit's or a restart's Retry-After is waited out up to this long a try; a longer one fails the job. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);
    /** How long in all a post is retried for a server that answers with Retry-After. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    /** The API's limit on deployment_request, in characters. */
    private static final int MAX_MESSAGE = 2_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "Mission Control's URL (MC_URL).")
    String url;

    @Option(names = "--api-key", description = "API key with deployments:write (MC_API_KEY).")
    String apiKey;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Certificate authorities to trust besides the "
            + "JDK's, for a server whose certificate an internal CA signed (MC_CA_CERT).")
    String caCert;

    @Option(names = "--status", defaultValue = "success",
            description = "pending, running, success, failure or cancelled (default success).")
    String status;

    @Option(names = {"-m", "--message"}, description = "What was deployed (default: the environment and CI run); "
            + "past the API's 2,000 characters it is cut.")
    String message;

    @Option(names = "--repository", description = "owner/name (default: from the CI's variables).")
    String repository;

    @Option(names = "--sha", description = "The commit deployed (default: from the CI's variables).")
    String sha;

    @Option(names = "--ref", description = "The ref deployed (default: from the CI's variables).")
    String ref;

    @Option(names = "--environment", description = "Where the deploy goes, e.g. staging; its verdict is judged on that "
            + "environment's signals (default: MC_ENVIRONMENT, or GitLab's CI_ENVIRONMENT_NAME).")
    String environment;

    @Option(names = "--wait", arity = "0..1", fallbackValue = "2100", paramLabel = "SECONDS",
            description = "Wait up to SECONDS (default 2100: a 30-minute bake and some) for the verdict.")
    Integer waitSeconds;

    private final Map<String, String> env;

    public DeployCommand() {
        this(System.getenv());
    }

    /** For running in-process with a CI environment of one's own. */
    public DeployCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a typo must not reach the server: its 422 exits 1, which a pipeline may read as Mission Control being down
        if (!DeploymentInput.STATUSES.contains(status)) {
            throw new ParameterException(spec.commandLine(), "--status must be one of "
                    + String.join(", ", DeploymentInput.STATUSES) + ", not " + status);
        }
        String base = pick(url, "MC_URL");
        String key = pick(apiKey, "MC_API_KEY");
        if (base == null || key == null) {
            err.println("Set MC_URL and MC_API_KEY (or --url and --api-key).");
            return ERROR;
        }
        if (waitSeconds != null && waitSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--wait must be 0 or more seconds, not " + waitSeconds);
        }
        CiEnvironment ci = CiEnvironment.detect(env);
        try {
            String ca = pick(caCert, "MC_CA_CERT");
            ApiClient client = new ApiClient(base, key, ca == null ? null : Path.of(ca));
            ObjectNode event = event(ci);
            String idempotencyKey = idempotencyKey(ci, event);
            ApiClient.Created created = post(client, event, idempotencyKey != null ? idempotencyKey
                    : "missionctl-" + UUID.randomUUID(), err);
            String id = Answers.required(created.json(), "id");
            out.println("Deployment " + id + (created.replayed() ? " was already recorded by an earlier post of "
                    + "this CI run (the same event), so nothing new was recorded" : " recorded") + "; watch it at "
                    + client.base() + created.json().path("agent_session_url").asText());
            if (waitSeconds == null) {
                return 0;
            }
            if (!DeployStatus.finished(status)) {
                out.println("Verdict: pending (a " + status + " event is not verified: post the success event with "
                        + "--wait to wait for the verdict)");
                return UNKNOWN;
            }
            return judge(new VerdictPoll(client, err).await(id, Duration.ofSeconds(waitSeconds)), waitSeconds, out);
        } catch (ClientException e) {
            err.println("missionctl deploy: " + e.getMessage());
            return ERROR;
        }
    }

    /**
     * Posts the event, trying again when the server could not be reached, answered 5xx (a restart, a proxy), was
     * rate limited (429), or was still processing an earlier try (409), after the Retry-After it gave: the
     * Idempotency-Key makes a repeat of a post the server did record a replay of it, never a second deployment.
     * A server that says when to come back is up and busy (a first try that outlived the client's timeout is still
     * being recorded), so it is given up to {@link #PATIENCE} rather than three tries. A first try that the server
     * only replays was posted by an earlier run of the same CI step.
     */
    private static ApiClient.Created post(ApiClient client, ObjectNode event, String idempotencyKey,
            PrintWriter err) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                ApiClient.Created created = client.create("/api/v1/deployments/", event, idempotencyKey);
                // a later try's replay is of this command's own first try, recorded though its answer never came
                return attempt == 1 ? created : new ApiClient.Created(created.json(), false);
            } catch (ClientException e) {
                Duration pause = e.retryAfter().map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER
                        : d).orElse(Duration.ofSeconds(attempt));
                boolean again = e.retryAfter().isPresent() ? waited.plus(pause).compareTo(PATIENCE) <= 0
                        : attempt < POST_ATTEMPTS;
                if (!e.isTransient() || !again) {
                    throw e;
                }
                err.println("missionctl deploy: " + e.getMessage() + "; trying again in " + pause.toSeconds() + " s");
                pause(pause);
                waited = waited.plus(pause);
            }
        }
    }

    /** Sleeps between tries; an interrupted wait ends the command as a client failure. */
    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    ObjectNode event(CiEnvironment ci) {
        String repo = repository != null ? repository : ci.repository();
        String commit = sha != null ? sha : ci.sha();
        ObjectNode body = Json.object().put("status", status);
        body.put("deployment_request", message != null ? cut(message) : defaultMessage(ci));
        putIfPresent(body, "repository_full_name", repo);
        putIfPresent(body, "commit_sha", commit);
        putIfPresent(body, "ref", ref != null ? ref : ci.ref());
        putIfPresent(body, "commit_message", ci.commitMessage());
        putIfPresent(body, "external_url", ci.runUrl());
        ObjectNode meta = body.putObject("event_metadata");
        putIfPresent(meta, "ci", ci.provider());
        putIfPresent(meta, "environment", environment());
        return body;
    }

    /**
     * The same CI run (and attempt) posting the same event again (a retried step) is one event; any other event of
     * the run (another repository, environment, status or message) is a new one, since the API refuses a key reused
     * with another body. The run's id and the whole event are hashed: a Jenkins {@code BUILD_URL} alone can pass the
     * API's 255 characters.
     */
    String idempotencyKey(CiEnvironment ci, ObjectNode event) {
        if (ci.runId() == null) {
            return null;
        }
        byte[] digest = Sha256.of(ci.runId() + "\n" + Json.write(event));
        return "missionctl-" + ci.provider() + "-" + HexFormat.of().formatHex(digest, 0, 20);
    }

    private int judge(JsonNode deployment, int waitedSeconds, PrintWriter out) {
        JsonNode verdict = deployment.path("verdict");
        String state = verdict.path("state").asText("pending");
        if (!VerdictWait.isFinal(verdict)) {
            // the watch goes on on the server; the pipeline only stopped waiting for it
            out.println("Verdict: none yet after waiting " + waitedSeconds + " s (still " + state + "); the monitor "
                    + "goes on, and the deployment's page will show it. Wait longer with a larger --wait.");
            return UNKNOWN;
        }
        VerdictLines.print(deployment, out);
        return switch (state) {
            case "healthy", "marginal" -> 0;
            case "degraded", "failed" -> BAD;
            default -> UNKNOWN;
        };
    }

    /** The flag, MC_ENVIRONMENT, or the environment a GitLab job declares ({@code environment:} in .gitlab-ci.yml). */
    private String environment() {
        String named = pick(environment, "MC_ENVIRONMENT");
        return named != null ? named : pick(null, "CI_ENVIRONMENT_NAME");
    }

    private String pick(String flag, String variable) {
        String v = flag != null ? flag : env.get(variable);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The server titles the deploy "Deploy acme/web @ 0123456: " followed by this message's first line, so the
     * default says what the title does not: where it went and which CI run did it.
     */
    private String defaultMessage(CiEnvironment ci) {
        String where = environment() == null ? "" : "to " + environment() + " ";
        return where + (ci.runUrl() == null ? "with missionctl" : "from " + ci.provider() + " run " + ci.runUrl());
    }

    /**
     * A message is often a whole commit message ({@code -m "$(git log -1 --format=%B)"}); past the API's limit it would
     * fail the post, and with it the deploy's record and gate, so it is cut instead. The server titles the deploy
     * from its first line, which survives.
     */
    static String cut(String message) {
        if (message.codePointCount(0, message.length()) <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, MAX_MESSAGE - 1)) + "…";
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }
}
