package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures a report gives for the service's metrics (an error rate, a latency, a throughput, CPU or memory) that the
 * session never read: no metrics tool returned that metric and the request's metrics do not hold it. Such a figure is
 * made up, unless the request or a tool result holds its number (a latency a log line states, an error rate the
 * request gives). A figure for a metric that was read stays unmarked: a model rounds and converts them (0.0512 as
 * 5.1 %), which no lookup tells from invention. Advice ("raise it if CPU stays above 80 %") is no claim, and quoted
 * log lines are checked as quotes.
 */
final class MetricFigures {
    static final String NOT_MEASURED = "(this metric was not read in this session)";
    private static final Set<String> METRIC_TOOLS = Set.of("query_metrics", "compare_windows");
    private static final Set<String> ADVICE = Set.of("recommended actions", "not checked");
    /** What a report calls each metric, and the words in a metric's name that say it is that metric. */
    private static final List<Kind> KINDS = List.of(
            new Kind("error[ _-]?rates?|5xx", "error|5xx|fail"),
            new Kind("latenc(y|ies)|p(50|90|95|99)|response[ _-]times?",
                    "latenc|duration|p(50|90|95|99)|response_?time"),
            new Kind("requests?[ _-]per[ _-](second|minute)|rps|throughput", "request|rps|qps|throughput"),
            new Kind("cpu", "cpu"),
            new Kind("memory", "mem|heap|rss"));
    private static final Pattern METRIC = Pattern.compile("(?i)(?<![\\w])(" + String.join("|", KINDS.stream()
            .map(k -> k.said().pattern()).toList()) + ")(?!\\w)");
    private static final Pattern FIGURE = Pattern.compile("(?i)(?<![\\w.,])(\\d+(?:[.,]\\d+)?)\\s?(%|ms|s|secs?"
            + "|seconds?|req/s|rps|x|×|[kmg]i?b)(?![\\w%])");
    /** A sentence or clause: up to a full stop, semicolon, ! or ? before a space (a decimal point is none). */
    private static final Pattern SENTENCE = Pattern.compile("[^.;!?]*(?:[.;!?](?!\\s|$)[^.;!?]*)*[.;!?]?");
    private static final Pattern TIMES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ][\\d:.]+Z?|\\d{2}:\\d{2}(:\\d{2})?");

    private record Kind(Pattern said, Pattern named) {
        Kind(String said, String named) {
            this(Pattern.compile("(?i)" + said), Pattern.compile(named));
        }
    }

    /** A sentence that states metric figures the session never read, and where its mark goes. */
    record Claim(String sentence, int markAt) {
    }

    private MetricFigures() {
    }

    static List<Claim> unmeasured(String markdown, List<QuotedLines.Code> code, History h) {
        String evidence = TIMES.matcher(evidence(h)).replaceAll(" ");
        String read = metricsRead(h);
        List<Claim> claims = new ArrayList<>();
        boolean advice = false;
        int pos = 0;
        for (String line : markdown.split("\n", -1)) {
            List<String> heading = ReportText.headings(line);
            if (!heading.isEmpty()) {
                advice = ADVICE.stream().anyMatch(heading.getFirst()::startsWith);
            } else if (!advice) {
                claims.addAll(inLine(line, pos, code, evidence, read));
            }
            pos += line.length() + 1;
        }
        return claims;
    }

    private static List<Claim> inLine(String line, int lineStart, List<QuotedLines.Code> code, String evidence,
            String read) {
        List<Claim> claims = new ArrayList<>();
        Matcher sentences = SENTENCE.matcher(line);
        while (sentences.find()) {
            String sentence = sentences.group();
            int at = lineStart + sentences.start();
            if (!sentence.isBlank() && METRIC.matcher(sentence).find() && figures(sentence, at, code).stream()
                    .anyMatch(f -> !stated(f.number(), evidence) && !read(f.of(), read))) {
                String claim = sentence.replaceFirst("[\\s.;!?]+$", "");
                claims.add(new Claim(claim.strip().replaceFirst("^([-*>]|\\d+[.)])\\s+", ""), at + claim.length()));
            }
        }
        return claims;
    }

    /** A figure's number, and the metric it speaks of as the sentence names it. */
    private record Figure(String number, String of) {
    }

    /** The figures in a sentence, outside code (a quoted log line is checked as a quote). */
    private static List<Figure> figures(String sentence, int at, List<QuotedLines.Code> code) {
        List<Figure> figures = new ArrayList<>();
        Matcher m = FIGURE.matcher(sentence);
        while (m.find()) {
            int offset = at + m.start();
            if (code.stream().noneMatch(c -> c.holds(offset))) {
                figures.add(new Figure(m.group(1).replace(',', '.'), metricOf(sentence, m.start())));
            }
        }
        return figures;
    }

    /** The metric named last before a figure ("p99 latency 4.2s"), else the first after it ("4.2s of latency"). */
    private static String metricOf(String sentence, int figureAt) {
        Matcher m = METRIC.matcher(sentence);
        String of = null;
        while (m.find() && (of == null || m.start() < figureAt)) {
            of = m.group();
        }
        return of;
    }

    /** Whether a metric of the kind the report names was read: its name is among the metrics read. */
    private static boolean read(String said, String read) {
        return said != null && KINDS.stream().filter(k -> k.said().matcher(said).matches())
                .anyMatch(k -> k.named().matcher(read).find());
    }

    private static boolean stated(String number, String evidence) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(evidence).find();
    }

    /**
     * The names of the metrics the session read, in lower case: those the request showed, and those each metrics
     * tool's result holds. Names only: a result's problem lines ("error_rate not checked: …") and other fields name
     * metrics that were not read.
     */
    private static String metricsRead(History h) {
        JsonNode asked = h.session().context() == null ? null : h.session().context().get("metrics");
        StringBuilder b = new StringBuilder();
        if (asked != null && asked.isObject()) {
            asked.fieldNames().forEachRemaining(name -> b.append(name).append('\n'));
        } else {
            b.append(Instructions.metrics(h.session().context())).append('\n');
        }
        h.entries().stream().filter(e -> e.is("tool_result") && "ok".equals(e.data().path("status").asText())
                && METRIC_TOOLS.contains(e.data().path("tool").asText()))
                .forEach(e -> e.data().path("data").findValuesAsText("name").forEach(n -> b.append(n).append('\n')));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** What the model read: the request, and every tool result. */
    private static String evidence(History h) {
        StringBuilder b = new StringBuilder(h.session().prompt() == null ? "" : h.session().prompt()).append('\n')
                .append(h.session().context() == null ? "" : h.session().context().toString());
        for (Entry e : h.entries()) {
            if (e.is("tool_result")) {
                b.append('\n').append(e.text()).append('\n').append(e.data().path("data"));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
