package dev.missioncontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import io.javalin.Javalin;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in LLM provider speaking OpenAI's chat-completions wire protocol, answering from a script and keeping every
 * request body for the assertions.
 */
public final class FakeOpenAi implements AutoCloseable {
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Counted down when the client hangs up on a dribbled answer. */
    public final CountDownLatch hungUp = new CountDownLatch(1);
    private final Queue<ObjectNode> answers = new ConcurrentLinkedQueue<>();
    private final Javalin server;
    private volatile int failingStatus;
    private volatile String failingBody;
    private volatile String failingRetryAfter;
    private volatile Duration drip;
    private final AtomicInteger failuresLeft = new AtomicInteger(-1);

    public FakeOpenAi() {
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/v1/chat/completions", ctx -> {
                requests.add(ctx.body());
                String refused = refusal(Json.read(ctx.body()));
                if (refused != null) {
                    ctx.status(400).contentType("application/json").result(Json.write(Json.object()
                            .set("error", Json.object().put("message", refused).put("type", "invalid_request_error"))));
                    return;
                }
                if (failingStatus != 0) {
                    ctx.status(failingStatus).contentType("application/json").result(failingBody);
                    if (failingRetryAfter != null) {
                        ctx.header("Retry-After", failingRetryAfter);
                    }
                    if (failuresLeft.decrementAndGet() == 0) {
                        recover();
                    }
                    return;
                }
                ObjectNode next = answers.poll();
                if (next == null) {
                    ctx.status(500).json(Json.object().putObject("error").put("message", "provider down"));
                    return;
                }
                if (drip != null) {
                    dribble(ctx.res(), Json.write(next));
                    return;
                }
                ctx.contentType("application/json").result(Json.write(next));
            });
        }).start(0);
    }

    /**
     * What OpenAI refuses with a 400 that a test could otherwise miss: an assistant message with tool calls that is
     * not followed at once by a tool message answering each of them.
     */
    private static String refusal(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            Set<String> asked = new HashSet<>();
            messages.get(i).path("tool_calls").forEach(c -> asked.add(c.path("id").asText()));
            Set<String> answered = new HashSet<>();
            for (int k = i + 1; k <= i + asked.size() && messages.path(k).path("role").asText().equals("tool"); k++) {
                answered.add(messages.get(k).path("tool_call_id").asText());
            }
            if (!answered.equals(asked)) {
                return "An assistant message with 'tool_calls' must be followed by tool messages responding to each "
                        + "'tool_call_id'. (messages." + (i + 1) + ")";
            }
        }
        return null;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public void failEverything() {
        failWith(500, "{\"error\":{\"message\":\"provider down\"}}");
    }

    /** Every request from now on gets this status and body, as a provider answers a limit, a bad key or an outage. */
    public void failWith(int status, String body) {
        failNext(-1, status, body);
    }

    /** The next {@code times} requests get this status and body; the ones after them the queued answers. */
    public void failNext(int times, int status, String body) {
        failNext(times, status, body, null);
    }

    /** As {@link #failNext(int, int, String)}, each refusal asking for a wait with this Retry-After header. */
    public void failNext(int times, int status, String body, String retryAfter) {
        failingRetryAfter = retryAfter;
        failuresLeft.set(times);
        failingBody = body;
        failingStatus = status;
    }

    /** The provider answers again, from the queued answers, after {@link #failWith}. */
    public void recover() {
        failingStatus = 0;
        failingBody = null;
        failingRetryAfter = null;
    }

    /**
     * From now on, answers stall mid-body as a struggling provider's do: the headers and ten bytes at once, then one byte
     * every {@code between}, until the answer is whole or the client hangs up.
     */
    public void dribble(Duration between) {
        drip = between;
    }

    private void dribble(HttpServletResponse res, String body) throws InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        try {
            OutputStream out = res.getOutputStream();
            for (int i = 0; i < bytes.length; i += i == 0 ? 10 : 1) {
                out.write(bytes, i, i == 0 ? 10 : 1);
                out.flush();
                Thread.sleep(drip.toMillis());
            }
        } catch (IOException e) {
            hungUp.countDown();
        }
    }

    public FakeOpenAi thenToolCall(String name, String argumentsJson) {
        return thenToolCalls(name, argumentsJson);
    }

    /** One answer asking for several tools: names and arguments in turn. */
    public FakeOpenAi thenToolCalls(String... namesAndArguments) {
        ObjectNode message = Json.object().put("role", "assistant").putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        for (int i = 0; i + 1 < namesAndArguments.length; i += 2) {
            calls.addObject().put("id", "fake_" + answers.size() + "_" + i).put("type", "function")
                    .putObject("function").put("name", namesAndArguments[i]).put("arguments", namesAndArguments[i + 1]);
        }
        answers.add(completion(message, "tool_calls"));
        return this;
    }

    public FakeOpenAi thenText(String text) {
        return thenText(text, "stop");
    }

    /** A text answer that stopped for {@code finishReason}: "length" (cut off), "content_filter". */
    public FakeOpenAi thenText(String text, String finishReason) {
        answers.add(completion(Json.object().put("role", "assistant").put("content", text), finishReason));
        return this;
    }

    /** A response whose "choices" are empty, as some OpenAI-compatible servers send on an internal error. */
    public FakeOpenAi thenNoChoices() {
        ObjectNode empty = completion(Json.object(), "stop");
        empty.putArray("choices");
        answers.add(empty);
        return this;
    }

    private static ObjectNode completion(ObjectNode message, String finish) {
        ObjectNode c = Json.object().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "fake-model");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        choice.set("message", message);
        c.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return c;
    }

    public JsonNode request(int i) {
        return Json.read(requests.get(i));
    }

    @Override
    public void close() {
        server.stop();
    }
}
