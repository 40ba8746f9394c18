package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.logs.LogAnalysis;
import dev.missioncontrol.logs.LogReader;
import dev.missioncontrol.logs.TemplateSummary;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.agent.Redactor;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a template or line is written into a tool result. Every quoted line and template is redacted here. */
final class TemplateJson {
    static final int SAMPLE_CHARS = 600;
    /**
     * A template is cut here: the template of a single-line blob (a request body dumped whole) is the blob itself,
     * megabytes that would fill the timeline and an LLM's whole token budget, and take seconds to redact each time.
     */
    static final int TEMPLATE_CHARS = 2_000;
    /** Read beyond a cut before redacting, so that a secret the cut would split is still recognised whole. */
    static final int REDACT_MARGIN = 1_024;
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** Only the message or the numbers are wanted from a re-read line; its year does not matter. */
    static final int YEAR = 2000;

    private TemplateJson() {
    }

    /**
     * Every field read from the sample is read from the sample as shown, redacted whole among its neighbours: the
     * parser takes a header's name ({@code password:}, {@code Cookie:}) for the component, and the value it leaves
     * as the message no longer shows the name that says it is a secret.
     */
    static ObjectNode template(MinedSource source, TemplateSummary t, boolean withHistogram) {
        String shown = source.shown(t);
        ObjectNode o = Json.object().put("id", source.idOf(t.id())).put("source", source.name())
                .put("template", shownTemplate(source, t)).put("count", t.count())
                .put("errors", t.errors()).put("warnings", t.warnings()).put("level", t.mainLevel())
                .put("problem", ProblemSigns.reason(t)).put("first_seen", time(t.firstSeen()))
                .put("last_seen", time(t.lastSeen())).put("first_line", t.firstLineNo()).put("sample", cut(shown))
                .put("message", cut(message(shown))).put("exception", ProblemSigns.exception(shown))
                .put("thrown_at", OwnFrame.in(shown)).put("raised", cut(RaisedException.in(shown)));
        if (t.catchAll()) {
            // not one message: lines of a shape with too many variants to keep apart, their differences masked
            o.put("catch_all", true);
        }
        ArrayNode components = o.putArray("components");
        // a component is a word of some event's header, masked as the template's words are
        source.components(t).forEach(c -> components.add(template(c, t.sample(), shown)));
        if (!source.addresses(t).isEmpty()) {
            ArrayNode addresses = o.putArray("addresses");
            // a count may be too high by "over" lines once more addresses were seen than the tally keeps
            source.addresses(t).forEach(a -> addresses.addObject().put("address", a.address())
                    .put("lines", a.lines()).put("over", a.over()));
        }
        if (withHistogram) {
            ArrayNode h = o.putArray("histogram");
            for (long c : t.histogram()) {
                h.add(c);
            }
        }
        return o;
    }

    static ObjectNode source(MinedSource s) {
        LogAnalysis a = s.analysis();
        return Json.object().put("name", s.name()).put("events", a.events()).put("lines", a.lines())
                .put("errors", a.errors()).put("warnings", a.warnings()).put("templates", a.templates().size())
                .put("catch_all_events", a.catchAllEvents())
                .put("first", time(a.first())).put("last", time(a.last())).put("timed", a.timed())
                .put("zone_assumed", a.zoneAssumed()).put("assumed_zone", a.zoneAssumed() ? s.unzoned().getId() : null)
                .put("zone_named", a.zoneNamed())
                .put("axis_origin", a.axisOrigin()).put("bucket_width", a.bucketWidth())
                .put("buckets", a.buckets());
    }

    /** The template's text, redacted as its sample is shown. */
    static String shownTemplate(MinedSource source, TemplateSummary t) {
        return template(t.template(), t.sample(), source.shown(t));
    }

    /**
     * A template redacted as its sample is. The miner's {@code <*>} can cut a secret into pieces that no rule of the
     * redactor recognises ({@code wJalrXUtnFEMI/<*>/bPxRfiCYEXAMPLEKEY}), so a token is masked whole when the
     * redacted sample no longer holds a piece of it that the raw sample does.
     */
    static String template(String template, String sample) {
        String raw = sample == null ? "" : sample;
        return template(template, raw, Redactor.redact(raw));
    }

    /** As {@link #template(String, String)}, with the sample as it is shown: redacted, maybe among its neighbours. */
    static String template(String template, String raw, String shown) {
        String redacted = cut(Redactor.redact(LineSearch.head(template, TEMPLATE_CHARS + REDACT_MARGIN)), TEMPLATE_CHARS);
        if (shown.equals(raw)) {
            return redacted;
        }
        return TOKEN.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(
                masked(m.group(), raw, shown) ? Redactor.MASK : m.group()));
    }

    private static boolean masked(String token, String raw, String shown) {
        for (String piece : token.split("<\\*>")) {
            if (!piece.isEmpty() && raw.contains(piece) && !shown.contains(piece)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message of the sample's first event, read as the digest read it: a Python traceback on its own is named by
     * the exception line at its end, which its first line would not say. It is quoted as the log writes it.
     */
    private static String message(String sample) {
        // a buffer the sample's size: the reader's own is sized for whole logs
        LogReader events = new LogReader(new BufferedReader(new StringReader(sample), sample.length() + 1), YEAR);
        return events.hasNext() ? events.next().written() : "";
    }

    /** The first line of a (possibly multi-line) sample, redacted and cut to a readable length. */
    static String line(String raw) {
        return cut(Redactor.redact(raw));
    }

    /** Cuts redacted text to a readable length; cutting first could leave a secret too short to recognise. */
    static String cut(String redacted) {
        return redacted == null ? null : cut(redacted, SAMPLE_CHARS);
    }

    private static String cut(String redacted, int chars) {
        return redacted.length() <= chars ? redacted : redacted.substring(0, chars) + "…";
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
