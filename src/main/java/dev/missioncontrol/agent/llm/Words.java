package dev.missioncontrol.agent.llm;

import java.util.List;

/** Counts and lists in the words of the timeline and the report. */
final class Words {
    private Words() {
    }

    /** "A", "A and B", "A, B and C". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** "1 quoted log line", "3 quoted log lines". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Text for inside a short code span: one line, no backticks, cut. */
    static String inline(String text, int chars) {
        String one = text.replace('`', '\'').replaceAll("\\s+", " ").strip();
        return one.length() <= chars ? one : one.substring(0, chars - 1) + "…";
    }
}
