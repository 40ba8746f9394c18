package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.web.JsonSyntax;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the dashboard's form into the same request body the API takes: the context box holds either a JSON object or
 * pasted logs, and an uploaded file's text is added to {@code context.logs} beside what is there.
 */
final class InvestigationForm {
    private static final ObjectReader ONE_VALUE = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InvestigationForm() {
    }

    static ObjectNode body(String prompt, String contextText, String sessionType, UploadedFile file) {
        ObjectNode context = context(contextText);
        if (file != null && file.size() > 0) {
            withUpload(context, file.filename(), read(file));
        }
        ObjectNode body = Json.object().put("prompt", prompt == null ? "" : prompt);
        body.set("context", context);
        body.put("session_type", "general".equals(sessionType) ? "general" : "root_cause_analysis");
        return body;
    }

    /**
     * Adds an uploaded file to whatever logs the context box already holds, so that neither is lost: beside other
     * files under its own name, or, beside pasted text or an array of lines or records, as a second source. Appended
     * to pasted text, the file's lines would be quoted by numbers that are not theirs in the file, under no name.
     */
    static void withUpload(ObjectNode context, String fileName, String text) {
        JsonNode logs = context.get("logs");
        String name = fileName == null || fileName.isBlank() ? "uploaded.log" : fileName;
        if (logs == null || logs.isNull()) {
            context.put("logs", text);
        } else if (logs instanceof ObjectNode files) {
            String unique = name;
            for (int n = 2; files.has(unique); n++) {
                unique = name + " (" + n + ")";
            }
            files.put(unique, text);
        } else {
            ObjectNode files = Json.object();
            files.set("pasted", logs);
            files.put(name.equals("pasted") ? "pasted (2)" : name, text);
            context.set("logs", files);
        }
    }

    /**
     * A JSON object when the whole box parses as one; anything else (including JSON-lines logs, whose first line
     * alone would parse) is taken as pasted logs. Text meant as JSON that does not parse (a trailing or missing
     * comma) is refused with where it breaks: taken as logs, the context the person typed would be lost without a
     * word, and no project would be linked.
     *
     * @throws ValidationException when the text looks like JSON but is not
     */
    static ObjectNode context(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        String trimmed = text.strip();
        if (looksLikeJson(trimmed)) {
            try { // the text as typed, so that the line and column in a refusal match the box
                if (ONE_VALUE.readTree(text) instanceof ObjectNode o) {
                    return o;
                }
            } catch (JacksonException e) {
                if (!firstLineIsJson(trimmed)) {
                    throw new ValidationException(List.of(FieldError.invalid("context", "looks like JSON but is "
                            + "not: " + JsonSyntax.explain(e) + ". Correct it, or attach log lines as a file")));
                }
            }
        }
        return Json.object().put("logs", text);
    }

    /**
     * An object's or an array's opening. Log lines often start with a bracket ("[2026-11-29 10:00:00] ERROR",
     * "[main] INFO"), so a bracket counts only before what opens a JSON value inside it.
     */
    private static boolean looksLikeJson(String trimmed) {
        if (trimmed.startsWith("{")) {
            return true;
        }
        String inside = trimmed.startsWith("[") ? trimmed.substring(1).stripLeading() : "";
        return !inside.isEmpty() && "{[\"]".indexOf(inside.charAt(0)) >= 0;
    }

    /** JSON lines: the first line is a whole value by itself, which a pretty-printed object's first line never is. */
    private static boolean firstLineIsJson(String trimmed) {
        try {
            ONE_VALUE.readTree(trimmed.lines().findFirst().orElse(""));
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static String read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }
}
