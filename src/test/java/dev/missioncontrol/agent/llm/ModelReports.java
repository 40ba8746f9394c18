package dev.missioncontrol.agent.llm;

import java.util.List;

/** Reports as a model writes them when it follows the instructions: the six sections, in order. */
final class ModelReports {
    private ModelReports() {
    }

    /** A complete report with its summary, the findings' quoted lines and the actions, in that order. */
    static String complete(String summary, List<String> quotes, String... actions) {
        StringBuilder b = new StringBuilder("## Summary\n\n").append(summary).append("\n\n## Findings\n\n");
        for (int i = 0; i < quotes.size(); i++) {
            b.append(i + 1).append(". **Finding ").append(i + 1).append("**: seen in the logs.\n   - context.logs: `")
                    .append(quotes.get(i)).append("`\n");
        }
        b.append(quotes.isEmpty() ? "Nothing beyond the summary.\n" : "").append("\n## Likely cause\n\n1. As the "
                + "summary says (confidence: medium)\n\n## Timeline\n\n- It began with the first error line.\n\n"
                + "## Recommended actions\n\n");
        for (int i = 0; i < actions.length; i++) {
            b.append(i + 1).append(". ").append(actions[i]).append('\n');
        }
        return b.append("\n## Not checked\n\n- Metrics: none were asked for.\n").toString();
    }
}
