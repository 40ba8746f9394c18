package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.App;
import dev.missioncontrol.Main;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An operator backs the database up while the server runs, and a restored backup starts with what it held. */
class BackupRestoreIT {
    private static final String DEPLOY = "{\"deployment_request\":\"%s\",\"repository_full_name\":\"acme/api\"}";

    @Test
    void a_backup_taken_while_the_server_writes_restores_and_starts_with_its_data(@TempDir Path tmp) throws Exception {
        Path backup = tmp.resolve("mc.db");
        String key;
        Path dataDir;
        String kept;
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            key = server.firstKey();
            dataDir = server.dataDir();
            String before = server.api().post("/api/v1/deployments/", DEPLOY.formatted("v1")).json()
                    .get("id").asText();
            Run taken = admin("backup", backup.toString(), "--data-dir", dataDir.toString());
            assertThat(taken.code).as(taken.output).isZero();
            assertThat(taken.output).contains("backed up");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
            assertThat(admin("backup", backup.toString(), "--data-dir", dataDir.toString()).output)
                    .as("never overwrites").contains("already exists");
            server.api().post("/api/v1/deployments/", DEPLOY.formatted("after the backup"));

            Run refused = admin("restore", backup.toString(), "--data-dir", dataDir.toString());
            assertThat(refused.code).as("refused while the server runs").isEqualTo(1);
            assertThat(refused.output).contains("another Mission Control server is running");
            kept = before;
        }

        // a backup tool that kept the file elsewhere may hand it back readable by all
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-r--r--"));
        Run restored = admin("restore", backup.toString(), "--data-dir", dataDir.toString());
        assertThat(restored.code).as(restored.output).isZero();
        assertThat(restored.output).contains("kept as");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("missioncontrol.db"))))
                .as("the restored database is as private as the one it replaced").isEqualTo("rw-------");
        try (App app = App.start(AppConfig.forDatabase(dataDir, null), Clock.systemUTC())) {
            Api api = new Api("http://127.0.0.1:" + app.port(), key);
            String list = api.get("/api/v1/deployments/").body();
            assertThat(list).contains(kept).doesNotContain("after the backup");
        }
    }

    @Test
    void refuses_a_file_that_is_no_database_and_points_postgresql_at_pg_dump(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.db"), "not a database at all, just some text");
        Run run = admin("restore", junk.toString(), "--data-dir", tmp.resolve("data").toString());
        assertThat(run.code).isEqualTo(1);
        assertThat(run.output).contains("cannot be read as a database");
        assertThat(tmp.resolve("data/missioncontrol.db")).doesNotExist();

        Run missing = admin("restore", tmp.resolve("nothing.db").toString(), "--data-dir", tmp.toString());
        assertThat(missing.output.strip()).endsWith("there is no database at " + tmp.resolve("nothing.db"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("missioncontrol.db"), "");
        assertThat(admin("backup", tmp.resolve("no/such/folder.db").toString(), "--data-dir", data.toString())
                .output).contains("there is no folder " + tmp.resolve("no/such"));
        Run pg = admin("backup", tmp.resolve("x").toString(), "--database-url", "postgresql://h/db");
        assertThat(pg.code).isEqualTo(2);
        assertThat(pg.output).contains("pg_dump");
    }

    private record Run(int code, String output) {
    }

    private static Run admin(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            String[] full = new String[args.length + 1];
            full[0] = "admin";
            System.arraycopy(args, 0, full, 1, args.length);
            int code = new CommandLine(new Main()).execute(full);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
