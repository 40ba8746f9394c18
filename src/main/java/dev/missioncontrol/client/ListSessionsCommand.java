package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code missionctl sessions}: the newest sessions, one per line. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List agent sessions, newest first.")
public final class ListSessionsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--status", description = "active, completed, failed or cancelled.")
    String status;

    @Option(names = "--type", description = "deploy_monitor, root_cause_analysis or general.")
    String type;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many (1 to 100, default 20).")
    int limit;

    @Override
    public Integer call() {
        try {
            StringBuilder q = new StringBuilder("?limit=" + limit);
            if (status != null) {
                q.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
            }
            if (type != null) {
                q.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
            }
            JsonNode page = options.client().get("/api/v1/agent-sessions/" + q);
            System.out.printf("%-36s  %-10s  %-19s  %-24s  %s%n", "SESSION", "STATUS", "TYPE", "CREATED", "TITLE");
            for (JsonNode s : page.path("results")) {
                System.out.printf("%-36s  %-10s  %-19s  %-24s  %s%n", s.path("session_id").asText(),
                        s.path("status").asText(), s.path("session_type").asText(), s.path("created_at").asText(),
                        TerminalText.safe(s.path("title").asText()).replace('\n', ' '));
            }
            return 0;
        } catch (ClientException e) {
            System.err.println("missionctl: " + e.getMessage());
            return 1;
        }
    }
}
