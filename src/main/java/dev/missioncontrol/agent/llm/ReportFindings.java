package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The findings of a model's report, as the API lists them: each item of its Findings section (a sub-heading, or else
 * a list item, or else a paragraph) with the quoted log lines the logs confirmed, in the shape of the analyst's
 * findings. Evidence is the line as search_logs returned it (its source, line, time and redacted text), not the
 * model's copy; an item none of whose quotes the logs confirmed is not listed.
 */
final class ReportFindings {
    private static final List<String> OTHER_SECTIONS = List.of("summary", "likely cause", "timeline",
            "recommended actions", "not checked");
    private static final Pattern LIST_ITEM = Pattern.compile("^ ?([-*+]|\\d+[.)])\\s+");
    static final int TITLE_CHARS = 120;
    static final int DETAIL_CHARS = 400;

    /** A quote the logs confirmed: where it stands in the report, and search_logs' match for it. */
    record Evidence(int at, JsonNode hit) {
    }

    private record Line(String text, int start) {
    }

    private record Item(String title, String detail, int start, int end) {
    }

    private ReportFindings() {
    }

    static List<ObjectNode> of(String markdown, List<Evidence> confirmed) {
        List<ObjectNode> out = new ArrayList<>();
        List<Line> section = section(lines(markdown));
        int end = section.isEmpty() ? 0 : section.getLast().start() + section.getLast().text().length();
        for (Item item : items(section, end)) {
            ArrayNode evidence = Json.MAPPER.createArrayNode();
            Set<String> seen = new HashSet<>();
            confirmed.stream().filter(e -> e.at() >= item.start() && e.at() < item.end())
                    .filter(e -> seen.add(e.hit().path("source").asText() + ":" + e.hit().path("line").asLong()))
                    .forEach(e -> evidence.add(quote(e.hit())));
            if (!evidence.isEmpty()) {
                ObjectNode f = Json.object().put("title", item.title()).put("detail", item.detail());
                f.set("evidence", evidence);
                out.add(f);
            }
        }
        return out;
    }

    /** A confirmed line as the analyst's findings quote one. */
    private static ObjectNode quote(JsonNode hit) {
        JsonNode at = hit.path("timestamp");
        return Json.object().put("source", hit.path("source").asText()).put("line", hit.path("line").asLong())
                .put("timestamp", at.isTextual() ? at.asText() : null).put("text", hit.path("text").asText());
    }

    private static List<Line> lines(String md) {
        List<Line> out = new ArrayList<>();
        int pos = 0;
        for (String l : md.split("\n", -1)) {
            out.add(new Line(l, pos));
            pos += l.length() + 1;
        }
        return out;
    }

    /** The lines of the Findings section, without its heading. */
    private static List<Line> section(List<Line> lines) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            String heading = heading(lines.get(i));
            if (from < 0 && heading != null && heading.startsWith("findings")) {
                from = i + 1;
            } else if (from >= 0 && heading != null && OTHER_SECTIONS.stream().anyMatch(heading::startsWith)) {
                return lines.subList(from, i);
            }
        }
        return from < 0 ? List.of() : lines.subList(from, lines.size());
    }

    private static String heading(Line l) {
        List<String> h = ReportText.headings(l.text());
        return h.isEmpty() ? null : h.get(0);
    }

    /** The section's items: its sub-headings, or else its list items, or else its paragraphs. */
    private static List<Item> items(List<Line> section, int end) {
        List<Integer> starts = starts(section, (l, before) -> heading(l) != null);
        if (starts.isEmpty()) {
            starts = starts(section, (l, before) -> LIST_ITEM.matcher(l.text()).find());
        }
        if (starts.isEmpty()) {
            starts = starts(section, (l, before) -> !l.text().isBlank() && (before == null || before.text().isBlank()));
        }
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            boolean last = k + 1 == starts.size();
            List<Line> body = section.subList(starts.get(k), last ? section.size() : starts.get(k + 1));
            items.add(item(body, last ? end : section.get(starts.get(k + 1)).start()));
        }
        return items;
    }

    /** The lines that open an item, given each line and the one before it (null for the first). */
    private static List<Integer> starts(List<Line> section, BiPredicate<Line, Line> opens) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            if (opens.test(section.get(i), i == 0 ? null : section.get(i - 1))) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static Item item(List<Line> body, int end) {
        Line first = body.get(0);
        boolean isHeading = heading(first) != null;
        String head = first.text().strip().replaceAll("^#+", "").strip().replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
        String title;
        String rest;
        if (isHeading) {
            title = head.replaceAll("[*_]", "").replaceFirst(":$", "").strip();
            rest = paragraph(body.subList(1, body.size()));
        } else if (head.startsWith("**") && head.indexOf("**", 2) > 2) {
            title = head.substring(2, head.indexOf("**", 2)).replaceFirst(":$", "").strip();
            String all = paragraph(body);
            rest = all.substring(Math.min(all.length(), all.indexOf("**", 2) + 2)).replaceFirst("^[:.\\s-]+", "");
        } else {
            title = firstSentence(head);
            rest = paragraph(body);
        }
        return new Item(cut(title, TITLE_CHARS), cut(rest, DETAIL_CHARS), first.start(), end);
    }

    /** The first paragraph of the lines, on one line, up to a blank line or a nested list (its evidence, often). */
    private static String paragraph(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            String text = l.text().strip();
            boolean started = !b.isEmpty();
            if (started && (text.isEmpty() || LIST_ITEM.matcher(text).find())) {
                break;
            }
            b.append(text).append(text.isEmpty() ? "" : " ");
        }
        return b.toString().replaceFirst("^([-*+]|\\d+[.)])\\s+", "").replaceAll("\\s+", " ").strip();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }
}
