package dev.missioncontrol.tools.logs;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.logs.LogAnalysis;
import dev.missioncontrol.logs.TemplateSummary;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One source's digest: the miner's analysis, the components behind each template and the numeric trends found.
 *
 * @param components template id to the components that wrote it, in order of first appearance
 * @param addresses  template id to the addresses its lines name most, most first
 * @param samples    template id to its sample as shown: redacted among the lines around it
 * @param unzoned    the zone its times that name none were read in
 */
public record MinedSource(String name, LogAnalysis analysis, Map<Integer, List<String>> components,
                          Map<Integer, List<AddressTally.Count>> addresses, List<Trend> trends,
                          Map<Integer, String> samples, ZoneOffset unzoned) {

    /** The template's sample redacted, as every field read from it is read. */
    public String shown(TemplateSummary t) {
        String shown = samples.get(t.id());
        return shown != null ? shown : Redactor.redact(t.sample());
    }

    public List<String> components(TemplateSummary t) {
        return components.getOrDefault(t.id(), List.of());
    }

    public List<AddressTally.Count> addresses(TemplateSummary t) {
        return addresses.getOrDefault(t.id(), List.of());
    }

    /** A template's id across sources: the same number may name different templates in two sources. */
    public String idOf(int templateId) {
        return name + "#" + templateId;
    }
}
