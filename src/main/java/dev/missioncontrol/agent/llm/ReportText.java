package dev.missioncontrol.agent.llm;

import dev.missioncontrol.agent.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the model's markdown answer into a report, taking the CLI summary from its sections. */
final class ReportText {
    /**
     * The most of an answer that is kept, in characters: far more than a full report takes (a few thousand), and little
     * enough that a runaway answer of megabytes does not become a report, and a session page, of megabytes.
     */
    static final int MAX_CHARS = 64 * 1024;
    private static final String CUT_NOTE = "[The answer was cut here: only its first ";

    private ReportText() {
    }

    /** The answer as it is kept: at most {@link #MAX_CHARS}, cut at the end of a line, with a note of the cut. */
    static String capped(String answer) {
        if (answer.length() <= MAX_CHARS) {
            return answer;
        }
        int lineEnd = answer.lastIndexOf('\n', MAX_CHARS);
        int end = lineEnd > 0 ? lineEnd : Character.isHighSurrogate(answer.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1
                : MAX_CHARS;
        String kept = answer.substring(0, end);
        return kept + "\n\n" + CUT_NOTE + kept.length() + " of " + answer.length() + " characters are kept.]";
    }

    /** Whether {@link #capped} cut the answer: what it lacks may be only what fell past the cut. */
    static boolean wasCut(String kept) {
        int note = kept.lastIndexOf(CUT_NOTE);
        return note >= 0 && kept.indexOf('\n', note) < 0;
    }

    static Report from(String markdown) {
        String summary = section(markdown, "summary");
        String description = summary.isBlank() ? firstParagraph(markdown) : firstParagraph(summary);
        return new Report(markdown, description, firstSentence(description), actions(section(markdown,
                "recommended actions")));
    }

    /** The sections the instructions ask for; a final report has its Summary, or two of the others. */
    private static final List<String> SECTIONS =
            List.of("summary", "findings", "likely cause", "timeline", "recommended actions", "not checked");

    /**
     * Whether an answer is the final report rather than a preamble ("I'll start by reading the logs"), a refusal or
     * a reply cut short, which models send in place of tool calls and which would otherwise end the session.
     */
    static boolean isReport(String markdown) {
        List<String> headings = headings(markdown);
        long named = SECTIONS.stream().filter(s -> headings.stream().anyMatch(h -> h.startsWith(s))).count();
        return headings.stream().anyMatch(h -> h.startsWith("summary")) || named >= 2;
    }

    /**
     * The report's headings as plain lower-case words, however the model wrote them: "## 2. Findings", "## **Summary**",
     * a line that is bold alone ("**Likely cause:**"), or a line underlined with = or - (setext).
     */
    static List<String> headings(String markdown) {
        List<String> lines = markdown.lines().map(String::strip).toList();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean underlined = i + 1 < lines.size() && !line.isEmpty() && lines.get(i + 1).matches("=+|-{2,}");
            if (line.startsWith("#") || line.matches("(\\*\\*|__).+(\\*\\*|__):?") || underlined) {
                found.add(line.replaceAll("^#+|[*_]", "").replaceFirst("^\\s*\\d+[.)]\\s*", "").replaceFirst(":$", "")
                        .strip().toLowerCase(Locale.ROOT));
            }
        }
        return found;
    }

    /** The body of the "## name" section, without its heading; empty when there is none. */
    static String section(String md, String name) {
        StringBuilder body = new StringBuilder();
        boolean inside = false;
        for (String line : md.lines().toList()) {
            if (line.startsWith("#")) {
                inside = line.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT).startsWith(name);
                continue;
            }
            if (inside) {
                body.append(line).append('\n');
            }
        }
        return body.toString().strip();
    }

    private static String firstParagraph(String text) {
        String stripped = text.strip();
        int blank = stripped.indexOf("\n\n");
        return (blank < 0 ? stripped : stripped.substring(0, blank)).replace('\n', ' ').strip();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String s = end < 0 ? text : text.substring(0, end + 1);
        return s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }

    private static List<String> actions(String section) {
        List<String> out = new ArrayList<>();
        section.lines().map(String::strip).filter(l -> l.matches("^([-*]|\\d+[.)])\\s+.*"))
                .forEach(l -> out.add(l.replaceFirst("^([-*]|\\d+[.)])\\s+", "")));
        return out;
    }
}
