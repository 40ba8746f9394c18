package dev.missioncontrol.web;

import java.util.Map;

/** An error answered with its own status and problem type, e.g. 401, 409, 413, 415, 429. */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, String> headers;

    public HttpProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public HttpProblem(int status, String type, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.headers = headers;
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "bad-request", "Malformed request", detail);
    }

    public static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "unauthorized", "Authentication required", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"missioncontrol\""));
    }

    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "forbidden", "Not allowed", detail);
    }

    public static HttpProblem conflict(String detail) {
        return new HttpProblem(409, "conflict", "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
