package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One thing the investigation established, with the quoted lines that show it. */
record Finding(String title, String detail, List<Quote> evidence) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The finding as recorded on the timeline (and listed in the API's findings[]). */
    ObjectNode data() {
        ObjectNode o = JSON.createObjectNode().put("title", title).put("detail", detail);
        ArrayNode lines = o.putArray("evidence");
        for (Quote q : evidence) {
            lines.add(JSON.createObjectNode().put("source", q.source()).put("line", q.line())
                    .put("timestamp", q.at() == null ? null : q.at().toString()).put("text", q.text()));
        }
        return o;
    }
}
