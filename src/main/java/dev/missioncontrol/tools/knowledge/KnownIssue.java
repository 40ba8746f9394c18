package dev.missioncontrol.tools.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure signature: the patterns that recognise it in a log line, what it means, and what to do about it.
 *
 * @param causedBy the ids of issues that commonly bring this one about (a traffic spike, then 429s), so that an
 *                 incident showing both, in that order, reads as one problem and its consequence
 */
public record KnownIssue(String id, String title, List<Pattern> patterns, String diagnosis, String remediation,
        List<String> causedBy) {

    public KnownIssue {
        causedBy = List.copyOf(causedBy);
    }

    /**
     * How specifically the issue matches the text: the length of its longest pattern match, 0 for none. A long
     * match ("could not acquire connection from pool") says more than a short one ("timeout"); a pattern with a
     * gap ({@code database.{0,60}timeout}) counts half, since the gap matched whatever stood there.
     */
    public int specificity(CharSequence text) {
        int best = 0;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int length = Math.max(1, m.end() - m.start());
                String source = p.pattern();
                best = Math.max(best, source.contains(".{") || source.contains(".*") ? Math.max(1, length / 2)
                        : length);
            }
        }
        return best;
    }
}
