package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Ctrl-C (SIGTERM) while {@code serve} still starts, as an impatient first start invites: the start finishes and
 * prints its credentials before the process ends, rather than the process ending with an admin and a key made and
 * never shown, and a next start that prints nothing because the database is no longer empty.
 */
class SignalDuringStartIT {

    @Test
    void a_stop_asked_for_during_the_first_start_still_prints_its_credentials(@TempDir Path dataDir)
            throws Exception {
        Process serve = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.missioncontrol.Main", "serve", "--port", "0", "--data-dir", dataDir.toString(),
                "--drain", "90s", "--llm-provider", "openai", "--llm-model", "m",
                "--llm-base-url", "http://gw:tok3nS3cret@127.0.0.1:9/v1?api-key=QKEY123456"))
                .redirectError(dataDir.resolve("err").toFile()).redirectOutput(dataDir.resolve("out").toFile()).start();
        try {
            Path database = dataDir.resolve("missioncontrol.db");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(database) && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(Files.exists(database)).as("the server opened its database").isTrue();
            serve.destroy(); // SIGTERM, while the server migrates its schema and has yet to take its port

            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the server stopped, without draining a node no load "
                    + "balancer had yet seen ready").isTrue();
            String printed = Files.readString(dataDir.resolve("out"));
            Matcher password = Pattern.compile("Password\\s+: (\\S+)").matcher(printed);
            assertThat(password.find()).as("the first start's banner, in:\n" + printed).isTrue();
            assertThat(printed).as("the way back in, once the banner is lost")
                    .contains("./missionctl admin set-password --email admin@localhost");
            assertThat(Files.readString(dataDir.resolve("err"))).as("where to go next, which every start logs")
                    .containsPattern("Mission Control 0\\.1\\.0 \\(commit [0-9a-f]{7,}[^)]*\\) is up at "
                            + "http://localhost:\\d+/ ");
            assertThat(Files.readString(dataDir.resolve("err"))).as("a gateway credential in the LLM's base URL")
                    .contains("requests to http://…@127.0.0.1:9/v1?api-key=… are sent without a key")
                    .doesNotContain("tok3nS3cret").doesNotContain("QKEY123456");
            try (Database db = Database.open(DatabaseUrl.resolve(null, dataDir), "NORMAL")) {
                assertThat(new UserStore(db.jdbi(), Clock.systemUTC()).login("admin@localhost", password.group(1)))
                        .as("the printed password logs in").isPresent();
            }
        } finally {
            serve.destroyForcibly();
        }
    }
}
