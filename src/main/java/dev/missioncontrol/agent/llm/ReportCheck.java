package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.llm.NamedDeployments.Standing;
import dev.missioncontrol.agent.llm.QuoteLookup.Verdict;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a model's report against the evidence before it is stored. Each log line it quotes is looked up in the
 * session's logs, and each deployment or commit it names among the organization's deployments. What is not found is
 * marked where it stands and listed in a note above the report; an action built on an unknown deployment is not
 * offered as a key action. The summary is taken from the marked report, so it carries the marks too.
 */
final class ReportCheck {
    /** Marks the timeline's note of a check; the report it checked follows its findings. */
    static final String CHECKED = "report_check";
    static final String NOT_IN_LOGS = "(not found in the logs)";
    static final String NOT_DEPLOYED = "(not among the organization's deployments)";
    /** Each quote is a search of the whole log; a report quoting more has the rest left unchecked. */
    static final int MAX_QUOTES = 30;
    private static final int SHOWN_CHARS = 120;

    /** The report to store, the check's line and data for the timeline, and the findings the logs confirmed. */
    record Checked(Report report, String text, ObjectNode data, List<ObjectNode> findings) {
    }

    private record Mark(int at, String text) {
    }

    private final QuoteLookup quotes;
    private final NamedDeployments deployments;

    ReportCheck(Map<String, Tool> tools) {
        quotes = new QuoteLookup(tools.get("search_logs"));
        deployments = new NamedDeployments(tools.get("list_deployments"), tools.get("get_deployment"),
                tools.get("search_logs"));
    }

    Checked check(String markdown, History h) {
        SessionFacts session = h.session();
        List<QuotedLines.Code> code = QuotedLines.in(markdown);
        List<MetricFigures.Claim> unmeasured = MetricFigures.unmeasured(markdown, code, h);
        Map<String, QuoteLookup.Result> looked = lookUp(code, session);
        List<NamedDeployments.Named> named = NamedDeployments.in(markdown, code);
        Map<String, Standing> standing = deployments.check(new LinkedHashSet<>(named.stream()
                .map(n -> key(n.id())).toList()), session);
        List<String> unknown = with(standing, Standing.UNKNOWN);

        String body = marked(markdown, marks(code, looked, named, unknown, unmeasured));
        Report parts = ReportText.from(body);
        List<String> actions = parts.keyActions().stream().filter(a -> unknown.stream()
                .noneMatch(id -> key(a).contains(id))).toList();
        List<String> dropped = parts.keyActions().stream().filter(a -> !actions.contains(a)).toList();
        List<String> notFound = quotesWith(looked, Verdict.NOT_FOUND);
        String note = note(looked, unknown, dropped, unmeasured);
        Report report = new Report(note + body, parts.description(), outcome(parts), actions);

        List<ReportFindings.Evidence> confirmed = code.stream().filter(c -> c.quote() && looked.containsKey(c.text())
                && looked.get(c.text()).verdict() == Verdict.FOUND)
                .map(c -> new ReportFindings.Evidence(c.start(), looked.get(c.text()).hit())).toList();
        List<ObjectNode> findings = ReportFindings.of(markdown, confirmed);
        ObjectNode data = data(looked, standing, dropped, report, findings);
        strings(data.putArray("metric_figures_unmeasured"), unmeasured.stream().map(MetricFigures.Claim::sentence)
                .toList());
        return new Checked(report, line(looked, notFound, standing, unknown) + unmeasured(unmeasured), data,
                findings);
    }

    /** Each distinct quote looked up once, the first {@value #MAX_QUOTES} of them. */
    private Map<String, QuoteLookup.Result> lookUp(List<QuotedLines.Code> code, SessionFacts session) {
        Map<String, QuoteLookup.Result> looked = new LinkedHashMap<>();
        String shown = Instructions.request(session);
        for (QuotedLines.Code c : code) {
            if (c.quote() && !looked.containsKey(c.text())) {
                looked.put(c.text(), looked.size() < MAX_QUOTES ? quotes.find(c.text(), session, shown)
                        : new QuoteLookup.Result(Verdict.UNCHECKED, null));
            }
        }
        return looked;
    }

    private static List<Mark> marks(List<QuotedLines.Code> code, Map<String, QuoteLookup.Result> looked,
            List<NamedDeployments.Named> named, List<String> unknown, List<MetricFigures.Claim> unmeasured) {
        List<Mark> marks = new ArrayList<>();
        unmeasured.forEach(c -> marks.add(new Mark(c.markAt(), " " + MetricFigures.NOT_MEASURED)));
        for (QuotedLines.Code c : code) {
            if (c.quote() && looked.get(c.text()).verdict() == Verdict.NOT_FOUND) {
                marks.add(c.block()
                        ? new Mark(c.markAt(), "\n" + NOT_IN_LOGS.replace(")", ": `" + shown(c.text()) + "`)"))
                        : new Mark(c.markAt(), " " + NOT_IN_LOGS));
            }
        }
        for (NamedDeployments.Named n : named) {
            if (unknown.contains(key(n.id()))) {
                QuotedLines.Code in = code.stream().filter(c -> c.holds(n.start())).findFirst().orElse(null);
                marks.add(in == null ? new Mark(n.end(), " " + NOT_DEPLOYED) : in.block()
                        ? new Mark(in.markAt(), "\n" + NOT_DEPLOYED.replace("(", "(" + n.id() + ": "))
                        : new Mark(in.markAt(), " " + NOT_DEPLOYED));
            }
        }
        return marks.stream().distinct().toList();
    }

    /**
     * The summary's one line, which a cut can part from the mark its claim carries: then it says so in front, since
     * the CLI shows it alone.
     */
    private static String outcome(Report parts) {
        String description = parts.description();
        int sentence = description.indexOf(". ");
        String claim = sentence < 0 ? description : description.substring(0, sentence + 1);
        return marked(claim) && !marked(parts.outcome()) ? "Unverified: " + parts.outcome() : parts.outcome();
    }

    private static boolean marked(String text) {
        return text.contains(NOT_IN_LOGS) || text.contains(NOT_DEPLOYED)
                || text.contains(MetricFigures.NOT_MEASURED);
    }

    /** The markdown with each mark inserted, the last first so the earlier places stay where they are. */
    private static String marked(String markdown, List<Mark> marks) {
        StringBuilder b = new StringBuilder(markdown);
        marks.stream().sorted(Comparator.comparingInt(Mark::at).reversed()).forEach(m -> b.insert(m.at(), m.text()));
        return b.toString();
    }

    /** The note above the report, empty when everything it quotes and names was checked and found. */
    private static String note(Map<String, QuoteLookup.Result> looked, List<String> unknown, List<String> dropped,
            List<MetricFigures.Claim> unmeasured) {
        List<String> notFound = quotesWith(looked, Verdict.NOT_FOUND);
        String unchecked = unchecked(looked);
        boolean marked = !notFound.isEmpty() || !unknown.isEmpty() || !unmeasured.isEmpty();
        if (!marked && unchecked.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("> **Unverified:** ");
        if (!notFound.isEmpty()) {
            b.append(notFound.size()).append(" of ").append(Words.count(looked.size(), "quoted log line"))
                    .append(notFound.size() == 1 ? " is" : " are").append(" not in the session's logs: ")
                    .append(Words.list(notFound.stream().map(q -> "`" + shown(q) + "`").toList())).append(". ");
        }
        if (!unknown.isEmpty()) {
            b.append(unknown.size() == 1 ? "Deployment " : "Deployments ").append(Words.list(unknown))
                    .append(unknown.size() == 1 ? " is" : " are").append(" not among the organization's deployments")
                    .append(dropped.isEmpty() ? ". " : ", so " + Words.list(dropped.stream().map(a -> "\""
                            + shown(a.replace(" " + NOT_DEPLOYED, "")) + "\"").toList())
                            + (dropped.size() == 1 ? " is not offered as a key action. "
                            : " are not offered as key actions. "));
        }
        if (!unmeasured.isEmpty()) {
            b.append(unmeasured.size() == 1 ? "A sentence gives" : unmeasured.size() + " sentences give")
                    .append(" figures for metrics this session did not read: ").append(Words.list(unmeasured
                    .stream().map(c -> "\"" + shown(c.sentence()) + "\"").toList())).append(". ");
        }
        b.append(unchecked).append(marked ? "Each is marked where it stands below." : "");
        return b.toString().strip() + "\n\n";
    }

    /**
     * The note's word on the quotes not looked up, empty when every one was: they stand unmarked, so only the note
     * tells a reader they are no more vouched for than any other text.
     */
    private static String unchecked(Map<String, QuoteLookup.Result> looked) {
        int past = Math.max(0, looked.size() - MAX_QUOTES);
        int failed = quotesWith(looked, Verdict.UNCHECKED).size() - past;
        String of = " of " + Words.count(looked.size(), "quoted log line");
        return (past == 0 ? "" : past + of + " were not looked up in the logs (only the first " + MAX_QUOTES
                + " are). ") + (failed == 0 ? "" : failed + of + (failed == 1 ? " was" : " were") + " not looked "
                + "up in the logs: the search failed or ran out of time. ");
    }

    /** The timeline's line: how many quotes and deployments were checked, and which were not found. */
    private static String line(Map<String, QuoteLookup.Result> looked, List<String> notFound,
            Map<String, Standing> standing, List<String> unknown) {
        StringBuilder b = new StringBuilder("Checked the LLM's report: ");
        if (looked.isEmpty()) {
            b.append("it quotes no log lines");
        } else {
            b.append(Words.count(looked.size(), "quoted log line")).append(", ")
                    .append(quotesWith(looked, Verdict.FOUND).size()).append(" found in the logs and ")
                    .append(notFound.size()).append(" not found").append(notFound.isEmpty() ? "" : " ("
                            + String.join("; ", notFound.stream().map(q -> "`" + shown(q) + "`").toList()) + ")");
            int unchecked = quotesWith(looked, Verdict.UNCHECKED).size();
            b.append(unchecked == 0 ? "" : ", " + unchecked + " could not be searched");
            int inRequest = quotesWith(looked, Verdict.IN_REQUEST).size();
            b.append(inRequest == 0 ? "" : ", " + inRequest + " found in the request");
        }
        if (standing.isEmpty()) {
            return b.append("; it names no deployments").toString();
        }
        b.append("; ").append(Words.count(standing.size(), "deployment")).append(" named, ").append(unknown.size())
                .append(" not among the organization's deployments").append(unknown.isEmpty() ? ""
                        : " (" + String.join(", ", unknown) + ")");
        int notLooked = with(standing, Standing.UNCHECKED).size();
        return b.append(notLooked == 0 ? "" : ", " + notLooked + " could not be looked up").toString();
    }

    /** The timeline's words on metric figures no metric read supports; empty when there are none. */
    private static String unmeasured(List<MetricFigures.Claim> unmeasured) {
        return unmeasured.isEmpty() ? "" : "; " + Words.count(unmeasured.size(), "sentence") + " with metric figures, "
                + "though those metrics were not read";
    }

    private static ObjectNode data(Map<String, QuoteLookup.Result> looked, Map<String, Standing> standing,
            List<String> dropped, Report report, List<ObjectNode> findings) {
        ObjectNode d = Json.object().put(CHECKED, true).put("quotes_checked", looked.size())
                .put("quotes_found", quotesWith(looked, Verdict.FOUND).size());
        strings(d.putArray("quotes_not_found"), quotesWith(looked, Verdict.NOT_FOUND));
        strings(d.putArray("quotes_unchecked"), quotesWith(looked, Verdict.UNCHECKED));
        strings(d.putArray("quotes_in_request"), quotesWith(looked, Verdict.IN_REQUEST));
        ObjectNode deploys = d.putObject("deployments");
        standing.forEach((id, s) -> deploys.put(id, s.name().toLowerCase(Locale.ROOT)));
        strings(d.putArray("key_actions_dropped"), dropped);
        d.put("markdown", report.markdown()).put("description", report.description()).put("outcome",
                report.outcome());
        strings(d.putArray("key_actions"), report.keyActions());
        d.putArray("findings").addAll(findings);
        return d;
    }

    private static void strings(ArrayNode into, Collection<String> values) {
        values.forEach(into::add);
    }

    private static List<String> quotesWith(Map<String, QuoteLookup.Result> looked, Verdict verdict) {
        return looked.entrySet().stream().filter(e -> e.getValue().verdict() == verdict).map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> with(Map<String, Standing> standing, Standing s) {
        return standing.entrySet().stream().filter(e -> e.getValue() == s).map(Map.Entry::getKey).toList();
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String shown(String text) {
        return Words.inline(text, SHOWN_CHARS);
    }
}
