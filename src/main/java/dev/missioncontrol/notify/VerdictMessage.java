package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.FailingMetrics;
import dev.missioncontrol.monitor.Figures;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import java.util.List;
import java.util.Locale;

/** A verdict's alert as each kind of webhook receives it: Slack's text, or the generic JSON. */
final class VerdictMessage {
    private VerdictMessage() {
    }

    static String generic(Deployment d, JsonNode verdict, String baseUrl) {
        return Json.write(genericBody("deployment.verdict", d, verdict, baseUrl));
    }

    /**
     * {@code deployment.recovered}: the healthy deploy as a verdict's message carries it, and under
     * {@code recovered_from} the deploy whose alert it ends.
     */
    static String genericRecovered(Deployment d, JsonNode verdict, Deployment alerted, String baseUrl) {
        ObjectNode body = genericBody("deployment.recovered", d, verdict, baseUrl);
        body.putObject("recovered_from").put("id", alerted.id()).put("commit_sha", alerted.commitSha())
                .put("state", alerted.verdict().path("state").asText())
                .put("created_at", WireTime.format(alerted.createdAt()))
                .put("deployment_url", deploymentUrl(alerted, baseUrl));
        return Json.write(body);
    }

    private static ObjectNode genericBody(String event, Deployment d, JsonNode verdict, String baseUrl) {
        ObjectNode body = Json.object().put("event", event);
        body.putObject("deployment").put("id", d.id()).put("repository_full_name", d.repositoryFullName())
                .put("status", d.status()).put("commit_sha", d.commitSha()).put("ref", d.ref())
                .put("external_url", d.externalUrl()).put("created_at", WireTime.format(d.createdAt()))
                .put("environment", d.environment());
        body.set("verdict", verdict);
        body.put("deployment_url", deploymentUrl(d, baseUrl)).put("session_url", sessionUrl(d, baseUrl));
        return body;
    }

    private static String deploymentUrl(Deployment d, String baseUrl) {
        return baseUrl + "/deployments/" + d.id();
    }

    private static String sessionUrl(Deployment d, String baseUrl) {
        return baseUrl + "/agents/" + d.sessionId();
    }

    static String slack(Deployment d, JsonNode verdict, String baseUrl) {
        StringBuilder text = headline(":rotating_light:", d, verdict);
        text.append("\n> ").append(slackEscaped(firstLine(d.deploymentRequest())));
        if ("failure".equals(d.status())) {
            text.append("\nThe pipeline reported the deploy itself as failed.");
        }
        List<JsonNode> failing = FailingMetrics.failing(verdict);
        text.append(failedShare(failing, verdict));
        for (JsonNode m : failing) {
            text.append("\n• ").append(m.path("name").asText()).append(": ").append(Figures.value(m.get("baseline")))
                    .append(" → ").append(Figures.value(m.get("current"))).append(" (").append(move(m)).append(")");
        }
        text.append(otherDeployments(verdict.path("other_deployments")));
        return Json.write(Json.object().put("text", links(text, d, baseUrl).toString()));
    }

    /**
     * ":white_check_mark: Deploy acme/web @ 1a2b3c4 to production is *healthy* (score 100.0), after deploy 9f8e7d6
     * was *degraded*", to the channel that got the alert, with the healthy deploy's links.
     */
    static String slackRecovered(Deployment d, JsonNode verdict, Deployment alerted, String baseUrl) {
        StringBuilder text = headline(":white_check_mark:", d, verdict).append(", after ")
                .append(slackLink(deploymentUrl(alerted, baseUrl), alerted.commitSha() == null ? "the deploy"
                        : "deploy " + sha7(alerted)))
                .append(" was *").append(alerted.verdict().path("state").asText()).append("*");
        text.append("\n> ").append(slackEscaped(firstLine(d.deploymentRequest())));
        return Json.write(Json.object().put("text", links(text, d, baseUrl).toString()));
    }

    /** "Deploy acme/web @ 1a2b3c4 to production is *degraded* (score 50.0)", after the given emoji. */
    private static StringBuilder headline(String emoji, Deployment d, JsonNode verdict) {
        String to = d.environment() == null ? "" : " to " + slackEscaped(d.environment());
        StringBuilder text = new StringBuilder(emoji).append(" Deploy ").append(d.repositoryFullName())
                .append(shortSha(d)).append(to).append(" is *").append(verdict.path("state").asText()).append("*");
        if (verdict.hasNonNull("score")) {
            text.append(String.format(Locale.ROOT, " (score %.1f)", verdict.get("score").asDouble()));
        }
        return text;
    }

    private static String shortSha(Deployment d) {
        return d.commitSha() == null ? "" : " @ " + sha7(d);
    }

    /** A commit as people name it; the API takes only hexadecimal SHAs, so it needs no escaping. */
    private static String sha7(Deployment d) {
        return d.commitSha().substring(0, Math.min(7, d.commitSha().length()));
    }

    /** The deployment's page has the chart and every check; the CI run is where a rollback starts. */
    private static StringBuilder links(StringBuilder text, Deployment d, String baseUrl) {
        text.append("\n").append(slackLink(deploymentUrl(d, baseUrl), "Deployment"));
        if (d.externalUrl() != null) {
            text.append(" · ").append(slackLink(d.externalUrl(), "CI run"));
        }
        return text.append(" · ").append(slackLink(sessionUrl(d, baseUrl), "Monitor session"));
    }

    /**
     * "2 of 20 metrics failed:", above the failing ones: one failing metric among two reads otherwise like one among
     * twenty, and how many held steady is part of what the score weighed.
     */
    private static String failedShare(List<JsonNode> failing, JsonNode verdict) {
        int judged = FailingMetrics.lastCheck(verdict).path("metrics").size();
        return failing.isEmpty() ? "" : String.format(Locale.ROOT, "\n%d of %d metric%s failed:", failing.size(),
                judged, judged == 1 ? "" : "s");
    }

    /**
     * Which way the metric moved, how far and how badly: "up 5.15x, severity critical". The severity graded by the
     * ratio is what lets one failing metric call the deploy degraded; "up" and "down" keep the direction (the
     * verdict's "high" and "low") from reading as a severity.
     */
    private static String move(JsonNode m) {
        String way = switch (m.path("result").asText()) {
            case "high" -> "up";
            case "low" -> "down";
            default -> m.path("result").asText();
        };
        String ratio = m.path("ratio").isNumber() ? String.format(Locale.ROOT, " %.2fx", m.get("ratio").asDouble())
                : " from zero";
        return way + ratio + (m.path("severity").isTextual() ? ", severity " + m.get("severity").asText() : "");
    }

    /** The report's warning, for whoever would roll back from the alert alone; nothing when no other deploy landed. */
    private static String otherDeployments(JsonNode others) {
        if (others.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n:warning: Other deployments landed within the compared windows, so "
                + "their changes count here too; check whether the move is theirs before rolling this one back:");
        others.forEach(o -> b.append("\n• ").append(slackEscaped(o.path("id").asText())).append(", commit ")
                .append(slackEscaped(o.path("commit_sha").asText("unknown"))).append(", ")
                .append(slackEscaped(o.path("status").asText())).append(", at ").append(o.path("created_at").asText()));
        return b.toString();
    }

    /** The first line of the pipeline's text, cut to what a chat line holds. */
    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "\u2026";
    }

    /** Slack's {@code <url|label>}: a '|' or '>' in the URL would end it early, so both are escaped. */
    private static String slackLink(String url, String label) {
        return "<" + slackEscaped(url).replace("|", "%7C") + "|" + label + ">";
    }

    /**
     * Text a CI pipeline chose, made inert for Slack: its markup is written with {@code <…>} ({@code <!channel>}
     * pings everyone), and Slack asks for &amp;, &lt; and &gt; to be escaped.
     */
    private static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
