package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.TemplateSummary;
import java.util.List;

/** The templates of a source that may explain a problem: those that read as trouble, and the rare ones. */
public final class Suspects {
    private Suspects() {
    }

    public static List<TemplateSummary> in(MinedSource s) {
        return s.analysis().templates().stream()
                .filter(t -> ProblemSigns.reason(t) != null || AnalysisJson.isRare(s, t)).toList();
    }

    /** The template's sample as shown, cut, as tools quote it. */
    public static String quote(MinedSource s, TemplateSummary t) {
        return TemplateJson.cut(s.shown(t));
    }
}
