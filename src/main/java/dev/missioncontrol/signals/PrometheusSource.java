package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.store.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Range queries against Prometheus's HTTP API ({@code /api/v1/query_range}). */
final class PrometheusSource {
    /** Enough points to rank, few enough to keep a 30-minute window one small response. */
    static final int POINTS_PER_WINDOW = 120;
    /** Points asked per query, within the 11,000 per series Prometheus answers at most. */
    static final int POINTS_PER_QUERY = 10_000;
    /** Queries one range may take; a longer range is asked at a coarser step. */
    static final int MAX_PARTS = 10;

    private final OutboundHttp http;

    PrometheusSource(OutboundHttp http) {
        this.http = http;
    }

    /**
     * One metric over [from, to]; NaN (0/0) and ±Inf points are set apart from the others. A query must come down to
     * one series: several (a template that does not aggregate over pods) are not judged, since no way of joining them
     * is right for every metric. Summed, three pods' latency reads as three times one pod's, and two more pods after
     * a deploy as a regression; pooled, a per-pod rate falls as pods are added. The template's author knows which is
     * meant. Empty when the query selects no series at all (a label value that matches nothing), which is no
     * measurement of the service, unlike a series without a value (an error ratio of no requests).
     *
     * <p>Prometheus refuses a range of more than 11,000 points, which a fine step over a long range asks for (a
     * repeat deploy's windows reach back to when its commit first went live, hours earlier). Such a range is asked in
     * consecutive parts at the same step; past {@value #MAX_PARTS} parts, at a coarser step.
     */
    Optional<Series> query(String baseUrl, Map<String, String> headers, String name, String promql, Instant from,
            Instant to, Duration step) {
        Duration at = partStep(from, to, step);
        Duration part = at.multipliedBy(POINTS_PER_QUERY - 1);
        List<Series> parts = new ArrayList<>();
        Instant start = from;
        do { // once at least, so that a range ending before it starts is refused by Prometheus, which says why
            Instant end = start.plus(part).isBefore(to) ? start.plus(part) : to;
            rangeQuery(baseUrl, headers, name, promql, start, end, at).ifPresent(parts::add);
            start = start.plus(part).plus(at);
        } while (!start.isAfter(to));
        return parts.isEmpty() ? Optional.empty() : Optional.of(Series.joined(name, parts));
    }

    /** The step in whole milliseconds, as sent; coarser when even {@value #MAX_PARTS} parts would not hold the range. */
    private static Duration partStep(Instant from, Instant to, Duration step) {
        Duration sent = Duration.ofMillis(Math.max(1, step.toMillis()));
        Duration finest = Duration.between(from, to).dividedBy((long) MAX_PARTS * POINTS_PER_QUERY - 1);
        return finest.compareTo(sent) > 0 ? Duration.ofMillis(finest.toMillis() + 1) : sent;
    }

    private Optional<Series> rangeQuery(String baseUrl, Map<String, String> headers, String name, String promql,
            Instant from, Instant to, Duration step) {
        String url = url(baseUrl, "query=" + encode(promql) + "&start=" + seconds(from) + "&end=" + seconds(to)
                + "&step=" + step.toMillis() / 1000.0);
        String where = QueryFailure.where(baseUrl);
        JsonNode result = result(where, get(where, url, headers));
        if (result.size() > 1) {
            throw new QueryFailure("the query returns " + result.size() + " series; aggregate it to one, e.g. "
                    + "sum(...) or avg(...)");
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(series(name, result.get(0)));
    }

    /**
     * The range-query URL under the base URL's path, the base URL's own query parameters kept ahead of the query's
     * (a proxy in front of Prometheus may want one); appended after them, the API path read as part of a parameter.
     */
    static String url(String baseUrl, String params) {
        int q = baseUrl.indexOf('?');
        String base = (q < 0 ? baseUrl : baseUrl.substring(0, q)).replaceAll("#.*$", "").replaceAll("/+$", "");
        String own = q < 0 ? "" : baseUrl.substring(q + 1).replaceAll("#.*$", "");
        return base + "/api/v1/query_range?" + (own.isBlank() ? "" : own + "&") + params;
    }

    private OutboundHttp.Reply get(String where, String url, Map<String, String> headers) {
        try {
            return http.get(URI.create(url), headers);
        } catch (RuntimeException e) {
            throw QueryFailure.of(where, e);
        }
    }

    /**
     * The result series of an answer. The status comes first: a proxy's 502 page is not JSON, and its status is what
     * says what happened; Prometheus' own refusals carry their reason in a JSON {@code error}.
     */
    private static JsonNode result(String where, OutboundHttp.Reply reply) {
        JsonNode body = parsed(reply.body());
        String error = body.path("error").asText("");
        if (reply.location() != null) {
            throw QueryFailure.redirect(where, reply.status(), reply.location());
        }
        if (!reply.ok()) {
            throw QueryFailure.status(where, reply.status(), error);
        }
        if (!body.has("status")) {
            throw new QueryFailure(where + " answered " + reply.status() + " with something other than Prometheus "
                    + "JSON: " + QueryFailure.detail(reply.body()));
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new QueryFailure(where + " refused the query: " + QueryFailure.detail(error));
        }
        return body.path("data").path("result");
    }

    /** The body as JSON, or an empty object when it is not JSON (an HTML error page, a truncated answer). */
    private static JsonNode parsed(String body) {
        try {
            JsonNode node = body.isBlank() ? null : Json.read(body);
            return node != null && node.isObject() ? node : Json.object();
        } catch (RuntimeException notJson) {
            return Json.object();
        }
    }

    /** The step for a window: {@value #POINTS_PER_WINDOW} points across it, but never finer than the minimum. */
    static Duration step(Duration window, Duration minStep) {
        Duration even = window.dividedBy(POINTS_PER_WINDOW);
        return even.compareTo(minStep) > 0 ? even : minStep;
    }

    /** The series' finite points, and apart from them the moments it was NaN or ±Inf. */
    private static Series series(String name, JsonNode series) {
        List<Series.Point> points = new ArrayList<>();
        List<Series.Point> unusable = new ArrayList<>();
        for (JsonNode pair : series.path("values")) {
            double v = parse(pair.get(1).asText());
            Series.Point p = new Series.Point(Instant.ofEpochMilli(Math.round(pair.get(0).asDouble() * 1000)), v);
            (Double.isFinite(v) ? points : unusable).add(p);
        }
        return new Series(name, points, unusable);
    }

    /** A sample's value as Prometheus writes it: Go's float text, with infinities as "+Inf" and "-Inf". */
    private static double parse(String v) {
        return switch (v) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static String seconds(Instant t) {
        return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
