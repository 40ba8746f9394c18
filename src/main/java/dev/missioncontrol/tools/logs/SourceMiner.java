package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.LogDigest;
import dev.missioncontrol.logs.LogReader;
import dev.missioncontrol.logs.LogRecord;
import dev.missioncontrol.logs.TemplateSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams one source through the log miner once, event by event, keeping only per-template aggregates. */
final class SourceMiner {
    private SourceMiner() {
    }

    /**
     * @param now     when the session began: lines without a year are placed before it, as search_logs places them
     * @param unzoned the zone of times that name none ({@link SourceZones})
     */
    static MinedSource mine(LogSource source, LogFilter filter, Instant now, ZoneOffset unzoned) {
        LogDigest digest = new LogDigest();
        TemplateExtras extras = new TemplateExtras();
        ShownSamples samples = new ShownSamples();
        Boolean timed = null;
        try (LogReader reader = new LogReader(source.open(), now, unzoned)) {
            while (reader.hasNext()) {
                LogRecord event = reader.next();
                if (!filter.accepts(event)) {
                    samples.read(event, 0);
                    continue;
                }
                if (timed == null) {
                    timed = event.timestamp() != null; // the digest chooses its axis the same way
                }
                int id = digest.add(event);
                samples.read(event, digest.sampled(id, event) ? id : 0);
                extras.add(id, event, timed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var analysis = digest.result();
        Map<Integer, List<String>> components = new HashMap<>();
        Map<Integer, List<AddressTally.Count>> addresses = new HashMap<>();
        for (TemplateSummary t : analysis.templates()) {
            List<String> names = extras.components(t.id());
            if (!names.isEmpty()) {
                components.put(t.id(), names);
            }
            List<AddressTally.Count> named = extras.addresses(t.id());
            if (!named.isEmpty()) {
                addresses.put(t.id(), named);
            }
        }
        return new MinedSource(source.name(), analysis, components, addresses, extras.trends(analysis.timed()),
                samples.shown(), unzoned);
    }
}
