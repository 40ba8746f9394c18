package dev.missioncontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A raw server-sent-events client: reads frames off a real socket until told to stop or the stream ends. */
public final class SseReader {
    /** One frame: id, event name and data, or a comment line. */
    public record Frame(String id, String event, String data, String comment) {
        public JsonNode json() {
            return Json.read(data);
        }

        public boolean isComment() {
            return comment != null;
        }
    }

    private SseReader() {
    }

    /** Reads frames until {@code stop} accepts one or the server ends the stream. */
    public static List<Frame> read(String url, String apiKey, String lastEventId, Predicate<Frame> stop)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + apiKey);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return read(b.build(), stop);
    }

    /** Reads the stream {@code request} opens, as {@link #read(String, String, String, Predicate)} does. */
    public static List<Frame> read(HttpRequest request, Predicate<Frame> stop) throws IOException,
            InterruptedException {
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        List<Frame> frames = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String[] current = new String[3];
            String line;
            while ((line = in.readLine()) != null) {
                Frame f = feed(line, current);
                if (f != null) {
                    frames.add(f);
                    if (stop.test(f)) {
                        break;
                    }
                }
            }
        }
        return frames;
    }

    private static Frame feed(String line, String[] cur) {
        if (line.startsWith(":")) {
            return new Frame(null, null, null, line.substring(1).strip());
        }
        if (line.isEmpty()) {
            Frame f = cur[2] == null ? null : new Frame(cur[0], cur[1], cur[2], null);
            cur[0] = cur[1] = cur[2] = null;
            return f;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
        switch (field) {
            case "id" -> cur[0] = value;
            case "event" -> cur[1] = value;
            case "data" -> cur[2] = cur[2] == null ? value : cur[2] + "\n" + value;
            default -> { }
        }
        return null;
    }
}
