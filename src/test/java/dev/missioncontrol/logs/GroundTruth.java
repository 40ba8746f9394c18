package dev.missioncontrol.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Loghub ground-truth file: for each LineId, its event id and template text. */
record GroundTruth(Map<Integer, String> eventIds, Map<Integer, String> templates) {

    static GroundTruth read(Path structuredCsv) throws IOException {
        List<List<String>> rows = CsvRows.read(structuredCsv);
        List<String> header = rows.get(0);
        int lineId = header.indexOf("LineId");
        int eventId = header.indexOf("EventId");
        int template = header.indexOf("EventTemplate");
        Map<Integer, String> ids = new HashMap<>();
        Map<Integer, String> texts = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            int line = Integer.parseInt(row.get(lineId));
            ids.put(line, row.get(eventId));
            texts.put(line, row.get(template));
        }
        return new GroundTruth(ids, texts);
    }
}
