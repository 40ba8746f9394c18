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
 * Figures a report gives for the service's metrics (an error rate, a latency, a throughput, CPU or memory) in a
 * session that read no metric at all: no metrics tool returned data and the request brought none. Such a figure is
 * made up, unless the request or a tool result holds its number (a latency a log line states, an error rate the
 * request gives). Once metrics were read, figures stay unmarked: a model rounds and converts them (0.0512 as 5.1 %),
 * which no lookup tells from invention. Advice ("raise it if CPU stays above 80 %") is no claim, and quoted log lines
 * are checked as quotes.
 */
final class MetricFigures {
    static final String NOT_MEASURED = "(no metric was read in this session)";
    private static final Set<String> METRIC_TOOLS = Set.of("query_metrics", "compare_windows");
    private static final Set<String> ADVICE = Set.of("recommended actions", "not checked");
    private static final Pattern METRIC = Pattern.compile("(?i)(?<![\\w])(error[ _-]?rates?|latenc(y|ies)"
            + "|p(50|90|95|99)|response[ _-]times?|requests?[ _-]per[ _-](second|minute)|rps|throughput|cpu|memory"
            + "|5xx)(?!\\w)");
    private static final Pattern FIGURE = Pattern.compile("(?i)(?<![\\w.,])(\\d+(?:[.,]\\d+)?)\\s?(%|ms|s|secs?"
            + "|seconds?|req/s|rps|x|×|[kmg]i?b)(?![\\w%])");
    /** A sentence or clause: up to a full stop, semicolon, ! or ? before a space (a decimal point is none). */
    private static final Pattern SENTENCE = Pattern.compile("[^.;!?]*(?:[.;!?](?!\\s|$)[^.;!?]*)*[.;!?]?");
    private static final Pattern TIMES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ][\\d:.]+Z?|\\d{2}:\\d{2}(:\\d{2})?");

    /** A sentence that states metric figures the session never read, and where its mark goes. */
    record Claim(String sentence, int markAt) {
    }

    private MetricFigures() {
    }

    static List<Claim> unmeasured(String markdown, List<QuotedLines.Code> code, History h) {
        if (metricsRead(h)) {
            return List.of();
        }
        String evidence = TIMES.matcher(evidence(h)).replaceAll(" ");
        List<Claim> claims = new ArrayList<>();
        boolean advice = false;
        int pos = 0;
        for (String line : markdown.split("\n", -1)) {
            List<String> heading = ReportText.headings(line);
            if (!heading.isEmpty()) {
                advice = ADVICE.stream().anyMatch(heading.getFirst()::startsWith);
            } else if (!advice) {
                claims.addAll(inLine(line, pos, code, evidence));
            }
            pos += line.length() + 1;
        }
        return claims;
    }

    private static List<Claim> inLine(String line, int lineStart, List<QuotedLines.Code> code, String evidence) {
        List<Claim> claims = new ArrayList<>();
        Matcher sentences = SENTENCE.matcher(line);
        while (sentences.find()) {
            String sentence = sentences.group();
            int at = lineStart + sentences.start();
            if (!sentence.isBlank() && METRIC.matcher(sentence).find()
                    && figures(sentence, at, code).stream().anyMatch(n -> !stated(n, evidence))) {
                String claim = sentence.replaceFirst("[\\s.;!?]+$", "");
                claims.add(new Claim(claim.strip().replaceFirst("^([-*>]|\\d+[.)])\\s+", ""), at + claim.length()));
            }
        }
        return claims;
    }

    /** The numbers of the figures in a sentence, outside code (a quoted log line is checked as a quote). */
    private static List<String> figures(String sentence, int at, List<QuotedLines.Code> code) {
        List<String> numbers = new ArrayList<>();
        Matcher m = FIGURE.matcher(sentence);
        while (m.find()) {
            int offset = at + m.start();
            if (code.stream().noneMatch(c -> c.holds(offset))) {
                numbers.add(m.group(1).replace(',', '.'));
            }
        }
        return numbers;
    }

    private static boolean stated(String number, String evidence) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(evidence).find();
    }

    /** Whether a metrics tool returned data, or the request brought metrics of its own. */
    private static boolean metricsRead(History h) {
        JsonNode given = h.session().context() == null ? null : h.session().context().get("metrics");
        boolean brought = given != null && (given.isContainerNode() ? !given.isEmpty() : !given.asText().isBlank());
        return brought || h.entries().stream().anyMatch(e -> e.is("tool_result") && "ok".equals(e.data().path("status")
                        .asText()) && METRIC_TOOLS.contains(e.data().path("tool").asText()));
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
