package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.logs.LogReader;
import dev.missioncontrol.store.Json;
import java.util.List;

/**
 * How a numeric trend is written into a tool result. Its label is the words before its number and its values are
 * that number, both read from raw lines: a label is masked as a template is, and a trend whose number the redactor
 * masks in its line ({@code password=48213}) is not shown at all, since its values would spell the secret out.
 */
final class TrendJson {
    private TrendJson() {
    }

    /** Whether the trend's first and last numbers are still there once their lines are redacted. */
    static boolean shown(Trend t) {
        return !masked(t.first()) && !masked(t.last());
    }

    static ObjectNode of(MinedSource source, Trend t) {
        String raw = t.first().raw();
        ObjectNode o = Json.object().put("template_id", source.idOf(t.templateId())).put("source", source.name())
                .put("label", TemplateJson.template(t.label(), raw, Redactor.redact(raw))).put("unit", t.unit())
                .put("readings", t.readings()).put("first_value", t.firstValue()).put("last_value", t.lastValue())
                .put("min", t.min()).put("max", t.max()).put("per", source.analysis().timed() ? "minute" : "1000 lines")
                .put("change_per", round(t.perUnit())).put("r2", round(t.r2()));
        if (t.toLimit() >= 0) {
            o.put("to_limit", round(t.toLimit()));
        }
        o.set("first", reading(t.first()));
        o.set("last", reading(t.last()));
        return o;
    }

    private static boolean masked(NumericSeries.Reading r) {
        String shown = Redactor.redact(r.raw());
        return !shown.equals(r.raw()) && values(r.raw()).contains(r.value()) && !values(shown).contains(r.value());
    }

    private static List<Double> values(String line) {
        return NumberReading.of(LogReader.line(line, 1, TemplateJson.YEAR)).stream().map(NumberReading::value).toList();
    }

    private static ObjectNode reading(NumericSeries.Reading r) {
        return Json.object().put("value", r.value()).put("line", r.lineNo()).put("at", TemplateJson.time(r.at()))
                .put("text", TemplateJson.line(r.raw()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
