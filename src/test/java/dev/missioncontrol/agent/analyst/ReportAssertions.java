package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on a report's text: the sections API.md asks for, and quoted lines that really are in the logs. */
final class ReportAssertions {
    static final List<String> SECTIONS = List.of("## Summary", "## Findings", "## Likely cause", "## Timeline",
            "## Recommended actions", "## Not checked");
    private static final Pattern CODE = Pattern.compile("`` (.+?) ``|`([^`]+)`");

    private ReportAssertions() {
    }

    static void hasSectionsInOrder(String report) {
        int at = -1;
        for (String s : SECTIONS) {
            int next = report.indexOf(s);
            assertThat(next).as("section %s after position %d", s, at).isGreaterThan(at);
            at = next;
        }
    }

    /** Every code span of the report: quoted lines, templates, terms. */
    static List<String> quoted(String report) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(report);
        while (m.find()) {
            String q = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(q.endsWith("…") ? q.substring(0, q.length() - 1) : q);
        }
        return out;
    }

    /** A quoted span that is verbatim in the logs and holds every one of the terms: the line that proves a fact. */
    static void quotesALineWith(String report, String logs, String... terms) {
        boolean found = quoted(report).stream().anyMatch(q -> q.length() >= 8 && logs.contains(q)
                && containsAll(q, terms));
        assertThat(found).as("the report quotes a log line containing %s", List.of(terms)).isTrue();
    }

    static void mentions(String report, String... terms) {
        for (String t : terms) {
            assertThat(report.toLowerCase(Locale.ROOT)).as("report mentions '%s'", t)
                    .contains(t.toLowerCase(Locale.ROOT));
        }
    }

    static boolean containsAll(String text, String... terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String t : terms) {
            if (!lower.contains(t.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
