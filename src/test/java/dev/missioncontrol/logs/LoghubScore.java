package dev.missioncontrol.logs;

import dev.missioncontrol.logs.LoghubSystems.LoghubSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Mines one Loghub system with the shipped miner and scores it against both ground truths. */
record LoghubScore(String system, int lines, double ga, double pa, double correctedGa, double correctedPa,
                   int templates, long nanos, double detectedGa) {

    static LoghubScore of(LoghubSystem system) throws IOException {
        HeaderFormat format = HeaderFormat.parse(system.format());
        TemplateMiner miner = new TemplateMiner();
        Map<Integer, Integer> ids = new HashMap<>();
        long start = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(system.log(), StandardCharsets.UTF_8)) {
            String line;
            int lineId = 0;
            while ((line = in.readLine()) != null) {
                String content = format.content(line);
                ids.put(++lineId, miner.add(content != null ? content : line));
            }
        }
        long nanos = System.nanoTime() - start;
        Map<Integer, String> texts = new HashMap<>();
        ids.forEach((line, id) -> texts.put(line, miner.template(id).text()));
        GroundTruth truth = GroundTruth.read(system.truth());
        GroundTruth corrected = GroundTruth.read(system.correctedTruth());
        return new LoghubScore(system.name(), ids.size(),
                Accuracy.grouping(truth.eventIds(), ids), Accuracy.parsing(truth.templates(), texts),
                // the corrected truth is grouped by template text, as the Loghub-2.0 evaluator does
                Accuracy.grouping(corrected.templates(), ids), Accuracy.parsing(corrected.templates(), texts),
                miner.templates().size(), nanos, detectedGa(system, truth));
    }

    /** GA when no format is given: the reader detects each line's header, as it does for any log. */
    private static double detectedGa(LoghubSystem system, GroundTruth truth) throws IOException {
        TemplateMiner miner = new TemplateMiner();
        Map<Integer, Integer> ids = new HashMap<>();
        try (LogReader reader = new LogReader(Files.newBufferedReader(system.log(), StandardCharsets.UTF_8))) {
            while (reader.hasNext()) {
                LogRecord event = reader.next();
                int id = miner.add(event.message());
                for (int i = 0; i < event.lineCount(); i++) {
                    ids.put((int) event.lineNo() + i, id);
                }
            }
        }
        return Accuracy.grouping(truth.eventIds(), ids);
    }
}
