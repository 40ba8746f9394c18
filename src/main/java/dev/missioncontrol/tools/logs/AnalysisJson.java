package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.logs.RateChanges;
import dev.missioncontrol.logs.TemplateSummary;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyze_logs result: per source its totals, then the templates worth a look (problems in order of first
 * appearance, rare ones, the most common), rate changes, bursts, numeric trends and exception groups. Bounded,
 * because it is stored on the timeline and read again at every step.
 */
final class AnalysisJson {
    static final int MAX_PROBLEMS = 30;
    static final int MAX_RARE = 5;
    static final int MAX_COMMON = 10;
    static final int MAX_LISTED = 10;
    /** A needle: at most this share of a large log (and at most a handful of events). */
    static final double RARE_SHARE = 1e-4;
    static final long RARE_MIN_EVENTS = 1000;

    private AnalysisJson() {
    }

    static ObjectNode of(List<MinedSource> sources) {
        ObjectNode root = Json.object();
        ArrayNode srcs = root.putArray("sources");
        ArrayNode templates = root.putArray("templates");
        ArrayNode changes = root.putArray("rate_changes");
        ArrayNode bursts = root.putArray("bursts");
        ArrayNode trends = root.putArray("trends");
        Map<String, ObjectNode> exceptions = new LinkedHashMap<>();
        for (MinedSource s : sources) {
            srcs.add(TemplateJson.source(s));
            for (TemplateSummary t : worthALook(s)) {
                templates.add(TemplateJson.template(s, t, ProblemSigns.reason(t) != null));
            }
            addChanges(s, changes, bursts);
            s.trends().stream().sorted(Comparator.comparingDouble(Trend::r2).reversed()).filter(TrendJson::shown)
                    .limit(MAX_LISTED).forEach(t -> trends.add(TrendJson.of(s, t)));
            addExceptions(s, exceptions);
        }
        root.putArray("exception_groups").addAll(exceptions.values());
        return root;
    }

    static List<TemplateSummary> worthALook(MinedSource s) {
        List<TemplateSummary> all = s.analysis().templates();
        List<TemplateSummary> picked = new ArrayList<>(all.stream().filter(t -> ProblemSigns.reason(t) != null)
                .sorted(Comparator.comparing(AnalysisJson::firstSeenOrMax)
                        .thenComparingLong(TemplateSummary::firstLineNo))
                .limit(MAX_PROBLEMS).toList());
        all.stream().filter(t -> isRare(s, t) && !picked.contains(t)).limit(MAX_RARE).forEach(picked::add);
        all.stream().filter(t -> !picked.contains(t)).limit(MAX_COMMON).forEach(picked::add);
        return picked;
    }

    static boolean isRare(MinedSource s, TemplateSummary t) {
        long events = s.analysis().events();
        return events >= RARE_MIN_EVENTS && t.count() <= Math.max(3, events * RARE_SHARE);
    }

    private static void addChanges(MinedSource s, ArrayNode changes, ArrayNode bursts) {
        for (RateChanges.Change c : RateChanges.changes(s.analysis()).stream().limit(MAX_LISTED).toList()) {
            changes.add(Json.object().put("template_id", s.idOf(c.template().id())).put("kind", c.kind().name())
                    .put("before", c.before()).put("after", c.after())
                    .put("template", TemplateJson.shownTemplate(s, c.template())));
        }
        var a = s.analysis();
        for (RateChanges.Burst b : RateChanges.bursts(a).stream().limit(MAX_LISTED).toList()) {
            long start = a.axisOrigin() + b.bucket() * a.bucketWidth();
            bursts.add(Json.object().put("template_id", s.idOf(b.template().id())).put("bucket_start", start)
                    .put("count", b.count()).put("typical", b.typical())
                    .put("template", TemplateJson.shownTemplate(s, b.template())));
        }
    }

    private static void addExceptions(MinedSource s, Map<String, ObjectNode> groups) {
        for (TemplateSummary t : s.analysis().templates()) {
            String name = ProblemSigns.exception(s.shown(t));
            if (name == null) {
                continue;
            }
            ObjectNode g = groups.computeIfAbsent(name, n -> {
                ObjectNode o = Json.object().put("exception", n).put("count", 0);
                o.putArray("template_ids");
                return o;
            });
            g.put("count", g.get("count").asLong() + t.count());
            ((ArrayNode) g.get("template_ids")).add(s.idOf(t.id()));
        }
    }

    private static java.time.Instant firstSeenOrMax(TemplateSummary t) {
        return t.firstSeen() == null ? java.time.Instant.MAX : t.firstSeen();
    }
}
