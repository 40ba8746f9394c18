package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code missionctl session ID}: one session's header, timeline and report. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Show one agent session.")
public final class ShowSessionCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", description = "The session id.")
    String id;

    @Option(names = "--follow", description = "Keep printing the timeline until the session ends.")
    boolean follow;

    @Override
    public Integer call() {
        try {
            ApiClient api = options.client();
            String id = ApiClient.pathSegment(this.id);
            JsonNode s = api.get("/api/v1/agent-sessions/" + id + "/");
            System.out.println(TerminalText.safe(s.path("title").asText()));
            System.out.println(s.path("session_type").asText() + " · " + s.path("status").asText() + " · created "
                    + s.path("created_at").asText() + " · " + api.base() + s.path("url").asText());
            System.out.println();
            TimelinePrinter printer = new TimelinePrinter(System.out);
            long last = 0;
            for (JsonNode e : api.get("/api/v1/agent-sessions/" + id + "/events/").path("results")) {
                printer.print(e);
                last = e.path("seq").asLong();
            }
            if (follow && s.path("status").asText().equals("active")) {
                printer.follow(api, id, last);
            }
            printer.printReport(api, id);
            return 0;
        } catch (ClientException e) {
            System.err.println("missionctl: " + e.getMessage());
            return 1;
        }
    }
}
