package dev.missioncontrol.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.InputFiles;
import dev.missioncontrol.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code missionctl investigate "PROMPT"}: starts an investigation, optionally following it live. */
@Command(name = "investigate", mixinStandardHelpOptions = true, description = "Start an investigation session.")
public final class InvestigateCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", description = "What to investigate, in words.")
    String prompt;

    @Option(names = "--context-file", description = "A JSON object with context (service, environment, …).")
    Path contextFile;

    @Option(names = "--logs", description = "A log file to attach, or - for standard input.")
    String logs;

    @Option(names = "--type", defaultValue = "root_cause_analysis",
            description = "root_cause_analysis (default) or general.")
    String type;

    @Option(names = "--follow", description = "Print the timeline live until the session ends, then the report.")
    boolean follow;

    @Override
    public Integer call() {
        try {
            ApiClient api = options.client();
            ObjectNode body = Json.object().put("prompt", prompt).put("session_type", type);
            body.set("context", context());
            JsonNode created = api.post("/api/v1/agent-sessions/", body, Map.of());
            String id = Answers.required(created, "session_id");
            System.out.println("session " + id + "  " + api.base() + created.path("url").asText());
            if (follow) {
                TimelinePrinter printer = new TimelinePrinter(System.out);
                printer.follow(api, id, 0);
                printer.printReport(api, id);
            }
            return 0;
        } catch (ClientException e) {
            System.err.println("missionctl: " + e.getMessage());
            return 1;
        }
    }

    private ObjectNode context() {
        ObjectNode ctx = Json.object();
        if (contextFile != null) {
            JsonNode read = parsed(contextFile, text(contextFile));
            if (!read.isObject()) {
                throw new ClientException(contextFile + " must hold a JSON object");
            }
            ctx = (ObjectNode) read;
        }
        if (logs != null) {
            ctx.put("logs", text(logs.equals("-") ? null : Path.of(logs)));
        }
        return ctx;
    }

    /**
     * The file's (or for null, standard input's) text. Read leniently, undecodable bytes becoming U+FFFD, as the
     * logs command does: a log with a stray Latin-1 byte or binary noise is still worth the investigator's reading.
     */
    private static String text(Path file) {
        try {
            byte[] bytes = file == null ? System.in.readAllBytes() : Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClientException("cannot read the context: "
                    + (file == null ? "standard input: " + e.getMessage() : InputFiles.whyUnreadable(file, e)));
        }
    }

    private static JsonNode parsed(Path file, String text) {
        try {
            return Json.read(text);
        } catch (java.io.UncheckedIOException e) {
            String why = e.getCause() instanceof JsonProcessingException j && j.getLocation() != null
                    ? j.getOriginalMessage().lines().findFirst().orElse("") + " at line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr() : e.getMessage();
            throw new ClientException(file + " is not JSON: " + why);
        }
    }
}
