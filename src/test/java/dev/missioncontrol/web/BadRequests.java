package dev.missioncontrol.web;

import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The corpus of malformed requests, each with the 4xx problem API.md documents for it. */
final class BadRequests {
    private static final String D = ApiContract.DEPLOY;
    private static final String S = ApiContract.SESSIONS;
    private static final String SIGNALS = "/api/v1/signals/";
    private static final String HOOKS = "/api/v1/notifications/webhooks/";
    private static final String OK_DEPLOY = "{\"deployment_request\":\"x\",\"repository_full_name\":\"acme/web\"";

    private BadRequests() {
    }

    static List<BadRequest> all(TestServer server, Api api) throws IOException {
        List<BadRequest> c = new ArrayList<>();
        fields(c, api);
        bodies(c, api);
        notQuiteJson(c, api);
        nulInNames(c, api);
        credentials(c, server, api);
        queries(c, api);
        return c;
    }

    private static void fields(List<BadRequest> c, Api api) {
        deploy(c, api, "missing deployment_request", "{\"repository_full_name\":\"acme/web\"}");
        deploy(c, api, "blank deployment_request", "{\"deployment_request\":\"   \",\"repository_full_name\":\"acme/web\"}");
        deploy(c, api, "oversized deployment_request",
                "{\"deployment_request\":\"" + "x".repeat(2001) + "\",\"repository_full_name\":\"acme/web\"}");
        deploy(c, api, "deployment_request as number", "{\"deployment_request\":42,\"repository_full_name\":\"acme/web\"}");
        deploy(c, api, "bad status", OK_DEPLOY + ",\"status\":\"done\"}");
        deploy(c, api, "status as number", OK_DEPLOY + ",\"status\":1}");
        deploy(c, api, "commit_sha not hex", OK_DEPLOY + ",\"commit_sha\":\"zzzz\"}");
        deploy(c, api, "commit_sha too short", OK_DEPLOY + ",\"commit_sha\":\"abc\"}");
        deploy(c, api, "commit_sha too long", OK_DEPLOY + ",\"commit_sha\":\"" + "a".repeat(65) + "\"}");
        deploy(c, api, "external_url not http", OK_DEPLOY + ",\"external_url\":\"ftp://x/y\"}");
        deploy(c, api, "external_url on port 70000", OK_DEPLOY + ",\"external_url\":\"https://ci.example:70000/run/1\"}");
        deploy(c, api, "external_url oversized", OK_DEPLOY + ",\"external_url\":\"https://x/" + "a".repeat(2050) + "\"}");
        deploy(c, api, "commit_message oversized", OK_DEPLOY + ",\"commit_message\":\"" + "m".repeat(10_001) + "\"}");
        deploy(c, api, "ref oversized", OK_DEPLOY + ",\"ref\":\"" + "r".repeat(256) + "\"}");
        deploy(c, api, "ref as object", OK_DEPLOY + ",\"ref\":{}}");
        deploy(c, api, "repository not owner/name", "{\"deployment_request\":\"x\",\"repository_full_name\":\"justname\"}");
        deploy(c, api, "repository of dots", "{\"deployment_request\":\"x\",\"repository_full_name\":\"../..\"}");
        deploy(c, api, "repository with a dot part", "{\"deployment_request\":\"x\",\"repository_full_name\":\"acme/./web\"}");
        session(c, api, "missing prompt", "{\"context\":{}}");
        session(c, api, "blank prompt", "{\"prompt\":\"\"}");
        session(c, api, "prompt of no-break and zero-width spaces", "{\"prompt\":\"\\u00a0\\u200b\\ufeff\"}");
        session(c, api, "oversized prompt", "{\"prompt\":\"" + "p".repeat(20_001) + "\"}");
        session(c, api, "prompt as array", "{\"prompt\":[\"a\"]}");
        session(c, api, "context as string", "{\"prompt\":\"p\",\"context\":\"logs\"}");
        session(c, api, "bad session_type", "{\"prompt\":\"p\",\"session_type\":\"deploy_monitor\"}");
        session(c, api, "logs as a number", "{\"prompt\":\"p\",\"context\":{\"logs\":42}}");
        session(c, api, "a log file as an object", "{\"prompt\":\"p\",\"context\":{\"logs\":{\"a.log\":{}}}}");
        c.add(new BadRequest("signal time past year 9999", 422, "/samples/0/timestamp", () -> api.post(SIGNALS,
                "{\"samples\":[{\"name\":\"up\",\"value\":1,\"timestamp\":\"+999999999-12-31T23:59:59Z\"}]}")));
    }

    private static void bodies(List<BadRequest> c, Api api) throws IOException {
        c.add(new BadRequest("bad JSON", 400, () -> api.post(D, "{\"deployment_request\": ")));
        c.add(new BadRequest("JSON array body", 400, () -> api.post(D, "[1,2]")));
        c.add(new BadRequest("empty body", 400, () -> api.post(D, "")));
        c.add(new BadRequest("text/plain body", 415, () -> api.post(D, OK_DEPLOY + "}", Map.of("Content-Type", "text/plain"))));
        c.add(new BadRequest("form body", 415, () -> api.postBytes(D, "a=b".getBytes(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"))));
        byte[] huge = ("{\"deployment_request\":\"" + "h".repeat(1_100_000) + "\"}").getBytes();
        c.add(new BadRequest("huge body", 413, () -> api.postBytes(D, huge, Map.of("Content-Type", "application/json"))));
        byte[] bomb = Investigations.gzip(("{\"deployment_request\":\"" + " ".repeat(3_000_000) + "\"}").getBytes());
        c.add(new BadRequest("gzip bomb", 413, () -> api.postBytes(D, bomb,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"))));
        c.add(new BadRequest("not gzip", 400, () -> api.postBytes(D, "plain".getBytes(),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"))));
        c.add(new BadRequest("unknown encoding", 415, () -> api.postBytes(D, "{}".getBytes(),
                Map.of("Content-Type", "application/json", "Content-Encoding", "br"))));
        c.add(new BadRequest("Idempotency-Key too long", 422, "/headers/Idempotency-Key", () -> api.post(D, OK_DEPLOY + "}",
                Map.of("Idempotency-Key", "k".repeat(256)))));
        String idem = "conflict-" + System.nanoTime();
        c.add(new BadRequest("Idempotency-Key reused with another body", 422, "/headers/Idempotency-Key", () -> {
            api.post(S, "{\"prompt\":\"a\"}", Map.of("Idempotency-Key", idem));
            return api.post(S, "{\"prompt\":\"b\"}", Map.of("Idempotency-Key", idem));
        }));
        String events = S + sessionId(api) + "/events/";
        c.add(new BadRequest("SSE after not a number", 422, "/query/after", () -> api.send(api.builder(events
                + "?after=abc").header("Accept", "text/event-stream").GET().build(), Duration.ofSeconds(20))));
        c.add(new BadRequest("message without content", 422, () -> api.post(S + sessionId(api) + "/messages/", "{}")));
    }

    /** Bodies a lenient parser would take or quietly change; none may name the parser's classes when refused. */
    private static void notQuiteJson(List<BadRequest> c, Api api) {
        String meta = "{\"deployment_request\":\"x\",\"repository_full_name\":\"acme/web\",\"event_metadata\":";
        c.add(new BadRequest("NaN", 400, () -> api.post(D, meta + "{\"a\":NaN}}")));
        c.add(new BadRequest("comment", 400, () -> api.post(D, "{/* note */\"deployment_request\":\"x\"}")));
        c.add(new BadRequest("nested too deep", 400, () -> api.post(D, meta + "[".repeat(300) + "]".repeat(300) + "}")));
        c.add(new BadRequest("number too long", 400, () -> api.post(D, meta + "{\"a\":" + "9".repeat(1001) + "}}")));
        c.add(new BadRequest("name too long", 400, () -> api.post(D, meta + "{\"" + "n".repeat(50_001) + "\":1}}")));
        c.add(new BadRequest("a field given twice", 400, () -> api.post(D, OK_DEPLOY + ",\"status\":\"success\","
                + "\"status\":\"failure\"}")));
        c.add(new BadRequest("text after the object", 400, () -> api.post(D, OK_DEPLOY + "} xx")));
        c.add(new BadRequest("second object after the first", 400, () -> api.post(D, OK_DEPLOY + "}{\"a\":1}")));
        byte[] latin1 = "{\"deployment_request\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        c.add(new BadRequest("not UTF-8", 400, () -> api.postBytes(D, latin1, Map.of("Content-Type", "application/json"))));
        c.add(new BadRequest("number beyond a double", 422, "/event_metadata/a",
                () -> api.post(D, meta + "{\"a\":1e999999}}")));
        c.add(new BadRequest("lone surrogate", 422, "/event_metadata/b~1c/0",
                () -> api.post(D, meta + "{\"b/c\":[\"x\\ud800\"]}}")));
        c.add(new BadRequest("lone surrogate in a context key", 400,
                () -> api.post(S, "{\"prompt\":\"p\",\"context\":{\"\\udc00/x\":1}}")));
    }

    /** NUL in a short field that names or identifies something is refused, never replaced (see Validator). */
    private static void nulInNames(List<BadRequest> c, Api api) {
        String nul = "x\\u0000y";
        c.add(new BadRequest("NUL in deployment_request", 422, "/deployment_request",
                () -> api.post(D, "{\"repository_full_name\":\"acme/web\",\"deployment_request\":\"" + nul + "\"}")));
        for (String field : List.of("commit_message", "ref")) {
            c.add(new BadRequest("NUL in " + field, 422, "/" + field,
                    () -> api.post(D, OK_DEPLOY + ",\"" + field + "\":\"" + nul + "\"}")));
        }
        c.add(new BadRequest("NUL in external_url", 422, "/external_url",
                () -> api.post(D, OK_DEPLOY + ",\"external_url\":\"https://ci.example/" + nul + "\"}")));
        c.add(new BadRequest("NUL in repository_full_name", 422, "/repository_full_name",
                () -> api.post(D, "{\"deployment_request\":\"x\",\"repository_full_name\":\"acme/" + nul + "\"}")));
        c.add(new BadRequest("NUL in prompt", 422, "/prompt", () -> api.post(S, "{\"prompt\":\"" + nul + "\"}")));
        c.add(new BadRequest("webhook on port 0", 422, "/url", () -> api.post(HOOKS, "{\"url\":\"http://1.1.1.1:0/\"}")));
        c.add(new BadRequest("NUL in a webhook name", 422, "/name", () -> api.post(HOOKS,
                "{\"url\":\"https://1.1.1.1/hook\",\"name\":\"" + nul + "\"}")));
        c.add(new BadRequest("NUL in a signal label", 422, "/samples/0/labels/service", () -> api.post(SIGNALS,
                "{\"samples\":[{\"name\":\"up\",\"value\":1,\"labels\":{\"service\":\"" + nul + "\"}}]}")));
        query(c, api, "NUL in the repository filter", D + "?repository=a%00b", "repository");
    }

    private static void credentials(List<BadRequest> c, TestServer server, Api api) {
        String base = server.baseUrl();
        c.add(new BadRequest("no key", 401, () -> new Api(base, null).post(D, OK_DEPLOY + "}")));
        c.add(new BadRequest("malformed key", 401, () -> new Api(base, "not-a-key").post(D, OK_DEPLOY + "}")));
        String good = server.firstKey();
        String badChecksum = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        c.add(new BadRequest("bad checksum", 401, () -> new Api(base, badChecksum).post(D, OK_DEPLOY + "}")));
        String unknown = dev.missioncontrol.orgs.ApiKeyFormat.newKey("ZZZZZZZZ");
        c.add(new BadRequest("unknown key", 401, () -> new Api(base, unknown).post(D, OK_DEPLOY + "}")));
        String revoked = server.newOrgKey("revoked-" + System.nanoTime(), Scope.all());
        new dev.missioncontrol.orgs.ApiKeyStore(server.app().database().jdbi(), java.time.Clock.systemUTC())
                .revoke(revoked.substring(3, 11), null);
        c.add(new BadRequest("revoked key", 401, () -> new Api(base, revoked).get(D)));
        c.add(new BadRequest("basic scheme", 401, () -> api.send(api.builder(D)
                .setHeader("Authorization", "Basic dXNlcjpwYXNz").GET().build())));
        c.add(new BadRequest("key in query string", 401, () -> new Api(base, null).get(D + "?api_key=" + good)));
        c.add(new BadRequest("key in a filter's value", 401, () -> api.get(D + "?repository=" + good)));
        c.add(new BadRequest("key as a bare parameter", 401, () -> new Api(base, null).get(D + "?" + good)));
        String readOnly = server.newOrgKey("scoped-" + System.nanoTime(), Set.of(Scope.SESSIONS_READ));
        c.add(new BadRequest("missing scope", 403, () -> new Api(base, readOnly).post(S, "{\"prompt\":\"p\"}")));
    }

    private static void queries(List<BadRequest> c, Api api) {
        c.add(new BadRequest("limit zero", 422, () -> api.get(D + "?limit=0")));
        c.add(new BadRequest("limit not a number", 422, () -> api.get(D + "?limit=ten")));
        c.add(new BadRequest("bad since", 422, () -> api.get(D + "?since=yesterday")));
        query(c, api, "since past year 9999", D + "?since=%2B999999999-12-31T23:59:59Z", "since");
        query(c, api, "until before year 0", D + "?until=-999999999-01-01T00:00:00Z", "until");
        query(c, api, "session since past year 9999", S + "?since=%2B999999999-12-31T23:59:59Z", "since");
        c.add(new BadRequest("bad cursor", 422, () -> api.get(S + "?cursor=garbage")));
        c.add(new BadRequest("bad status filter", 422, () -> api.get(S + "?status=running")));
        c.add(new BadRequest("wait over 600", 422, () -> api.get(D + "00000000-0000-7000-8000-000000000000/?wait=601")));
        c.add(new BadRequest("id not a uuid", 404, () -> api.get(D + "1%27%20OR%201=1/")));
        c.add(new BadRequest("unknown deployment", 404, () -> api.get(D + "00000000-0000-7000-8000-000000000000/")));
        c.add(new BadRequest("unknown route", 404, () -> api.get("/api/v1/nothing-here")));
        c.add(new BadRequest("wrong method", 405, () -> api.send(api.builder(D).DELETE().build())));
    }

    private static void query(List<BadRequest> c, Api api, String name, String path, String param) {
        c.add(new BadRequest(name, 422, "/query/" + param, () -> api.get(path)));
    }

    private static void deploy(List<BadRequest> c, Api api, String name, String body) {
        c.add(new BadRequest(name, 422, () -> api.post(D, body)));
    }

    private static void session(List<BadRequest> c, Api api, String name, String body) {
        c.add(new BadRequest(name, 422, () -> api.post(S, body)));
    }

    private static String sessionId(Api api) {
        return api.post(S, "{\"prompt\":\"for messages\"}").json().get("session_id").asText();
    }

}
