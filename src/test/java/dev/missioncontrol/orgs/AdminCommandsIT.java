package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.Main;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The admin commands work on the database of a running server, and what they create works at once. */
class AdminCommandsIT {

    private static String admin(TestServer server, String stdin, String... args) {
        String[] captured = new String[1];
        int code = adminExit(server, stdin, captured, args);
        assertThat(code).as(captured[0]).isZero();
        return captured[0];
    }

    private static int adminExit(TestServer server, String stdin, String[] output, String... args) {
        PrintStream out = System.out;
        InputStream in = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] full = new String[args.length + 3];
            full[0] = "admin";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--data-dir";
            full[args.length + 2] = server.dataDir().toString();
            int code = new CommandLine(new Main()).execute(full);
            output[0] = captured.toString(StandardCharsets.UTF_8);
            return code;
        } finally {
            System.setOut(out);
            System.setIn(in);
        }
    }

    @Test
    void creates_an_org_user_and_key_that_work_while_the_server_runs_and_revokes_the_key() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            admin(server, "", "create-org", "acme");
            String user = admin(server, "s3cret-passw0rd\n", "create-user", "--org", "acme", "--email",
                    "SRE@Acme.test", "--role", "admin");
            assertThat(user).contains("sre@acme.test").doesNotContain("password:");
            var users = new UserStore(server.app().database().jdbi(), java.time.Clock.systemUTC());
            assertThat(users.login("sre@acme.test", "s3cret-passw0rd")).isPresent();
            admin(server, "  spaced pass 123  \n", "create-user", "--org", "acme", "--email", "sp@acme.test");
            assertThat(users.login("sp@acme.test", "  spaced pass 123  ")).as("a password as typed").isPresent();
            assertThat(adminAlone("create-org", "--help")[0]).as("each subcommand has its help, not a usage error")
                    .isEqualTo(0);

            String created = admin(server, "", "create-api-key", "--org", "acme", "--name", "ci", "--scopes",
                    "deployments:write,deployments:read");
            List<String> lines = created.lines().toList();
            String key = lines.get(lines.size() - 1);
            assertThat(ApiKeyFormat.parse(key)).isPresent();
            Api api = server.api(key);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"x\",\"repository_full_name\":"
                    + "\"acme/api\"}").status()).isEqualTo(201);
            assertThat(api.post("/api/v1/agent-sessions/", "{\"prompt\":\"x\"}").status()).isEqualTo(403);

            String keyId = key.substring(3, 11);
            assertThat(admin(server, "", "list-api-keys", "--org", "acme")).contains(keyId).contains("active")
                    .doesNotContain(key);
            Object[] mistyped = adminAlone("revoke-api-key", key + "x", "--data-dir", server.dataDir().toString());
            assertThat(mistyped[0]).as("a mistyped key").isEqualTo(2);
            assertThat((String) mistyped[1]).contains("not a key id").doesNotContain(key.substring(12));
            String[] out = new String[1];
            assertThat(admin(server, "", "revoke-api-key", key)).as("the whole key, pasted from where it leaked")
                    .contains("revoked API key " + keyId).doesNotContain(key);
            assertThat(adminExit(server, "", out, "revoke-api-key", keyId)).as("revoked already").isEqualTo(1);
            assertThat(api.get("/api/v1/deployments/").status()).isEqualTo(401);
            assertThat(admin(server, "", "list-api-keys", "--org", "acme")).contains("revoked");
        }
    }

    @Test
    void a_user_without_a_piped_password_gets_a_generated_one() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String out = admin(server, "", "create-user", "--org", "default", "--email", "m@x.test");
            String password = out.lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow()
                    .substring("password: ".length());
            var users = new UserStore(server.app().database().jdbi(), java.time.Clock.systemUTC());
            assertThat(users.login("m@x.test", password)).get().extracting(User::role).isEqualTo(User.Role.MEMBER);
        }
    }

    @Test
    void set_password_lets_a_locked_out_admin_back_in_and_remove_user_lets_a_leaver_go() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            var jdbi = server.app().database().jdbi();
            var users = new UserStore(jdbi, java.time.Clock.systemUTC());
            var logins = new dev.missioncontrol.auth.WebSessionStore(jdbi, java.time.Clock.systemUTC());
            User admin = users.findByEmail(server.app().firstStart().email()).orElseThrow();
            String token = logins.create(admin).token();

            assertThat(adminExit(server, "short\n", new String[1], "set-password", "--email", admin.email()))
                    .isEqualTo(2);
            // longer than bcrypt reads: a usage error (2), not a failure (1)
            assertThat(adminExit(server, "p".repeat(96) + "\n", new String[1], "set-password", "--email",
                    admin.email())).isEqualTo(2);
            assertThat(users.login(admin.email(), server.app().firstStart().password())).isPresent();
            String out = admin(server, "a fresh passw0rd for ops\n", "set-password", "--email", admin.email());

            assertThat(out).contains("new password set").doesNotContain("password: ");
            assertThat(users.login(admin.email(), "a fresh passw0rd for ops")).isPresent();
            assertThat(users.login(admin.email(), server.app().firstStart().password())).isEmpty();
            assertThat(logins.find(token)).isEmpty();

            users.create(admin.orgId(), "gone@example.com", User.Role.ADMIN, "a long password");
            ApiKeyStore keys = new ApiKeyStore(jdbi, Clock.systemUTC());
            String pipelineKey = keys.create(admin.orgId(), "their pipeline", Scope.all(), "gone@example.com")
                    .key().id();
            String revokedKey = keys.create(admin.orgId(), "their old laptop", Scope.all(), "gone@example.com")
                    .key().id();
            keys.revoke(revokedKey, admin.orgId());
            assertThat(admin(server, "", "list-api-keys", "--org", "default")).contains("CREATED BY")
                    .contains("gone@example.com");

            String removed = admin(server, "", "remove-user", "--email", "gone@example.com");

            assertThat(removed).contains("removed gone@example.com").contains(pipelineKey + "  their pipeline")
                    .doesNotContain(revokedKey);
            assertThat(users.findByEmail("gone@example.com")).isEmpty();
        }
    }

    /** Exit code and stderr of {@code missionctl admin ARGS}, with no server around. */
    private static Object[] adminAlone(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.io.StringWriter picocliErr = new java.io.StringWriter();
        InputStream in = System.in;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        try {
            String[] full = new String[args.length + 1];
            full[0] = "admin";
            System.arraycopy(args, 0, full, 1, args.length);
            int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(picocliErr, true)).execute(full);
            return new Object[] {code, captured.toString(StandardCharsets.UTF_8) + picocliErr};
        } finally {
            System.setErr(err);
            System.setIn(in);
        }
    }

    @Test
    void a_mistyped_data_dir_is_refused_with_the_path_looked_at_and_nothing_is_created(@TempDir Path tmp) {
        Path mistyped = tmp.resolve("nonexistent/dir");
        Object[] run = adminAlone("create-org", "acme", "--data-dir", mistyped.toString());
        assertThat(run[0]).isEqualTo(1);
        assertThat((String) run[1]).contains(mistyped.resolve("missioncontrol.db").toString())
                .doesNotContain("Exception");
        assertThat(mistyped).doesNotExist();
    }

    /** Run on an empty database, an admin command would make the schema, and serve's first start would then be skipped. */
    @Test
    void a_postgresql_database_serve_never_started_on_is_refused_and_left_empty() throws Exception {
        String url = dev.missioncontrol.testing.TestDatabases.freshPostgres();
        try {
            Object[] run = adminAlone("create-org", "acme", "--database-url", url);
            assertThat(run[0]).as((String) run[1]).isEqualTo(1);
            assertThat((String) run[1]).contains("start serve on it once first");
            var db = dev.missioncontrol.store.DatabaseUrl.resolve(url, null);
            try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 var tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                assertThat(tables.next()).as("no schema made").isFalse();
            }
        } finally {
            dev.missioncontrol.testing.TestDatabases.dropPostgres(url);
        }
    }

    @Test
    void an_unreachable_or_unsupported_database_url_is_one_line_not_a_stack_trace() {
        for (String url : new String[] {"postgresql://mc:secret@127.0.0.1:1/x", "mysql://x"}) {
            Object[] run = adminAlone("create-org", "acme", "--database-url", url);
            assertThat(run[0]).as((String) run[1]).isEqualTo(1);
            assertThat(((String) run[1]).strip().lines()).as((String) run[1]).hasSize(1);
            assertThat((String) run[1]).startsWith("missionctl admin: cannot open the database")
                    .doesNotContain("\tat ").doesNotContain("secret");
        }
    }

    @Test
    void create_user_refuses_a_taken_email_without_leaking_anything_and_refuses_a_non_email() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String taken = server.app().firstStart().email();
            Object[] again = adminAlone("create-user", "--org", "default", "--email", taken.toUpperCase(),
                    "--data-dir", server.dataDir().toString());
            assertThat(again[0]).isEqualTo(1);
            assertThat(((String) again[1]).strip()).isEqualTo("a user with that email already exists");

            Object[] bad = adminAlone("create-user", "--org", "default", "--email", "bad",
                    "--data-dir", server.dataDir().toString());
            assertThat(bad[0]).isEqualTo(2);
            assertThat(((String) bad[1]).strip()).isEqualTo("'bad' is not an email address");
            assertThat(new UserStore(server.app().database().jdbi(), Clock.systemUTC()).emailTaken("bad")).isFalse();
        }
    }

    @Test
    void a_taken_organization_name_or_a_name_that_would_forge_log_lines_is_refused_in_one_line() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String dataDir = server.dataDir().toString();
            Object[] key = adminAlone("create-api-key", "--org", "default", "--name",
                    "ci\n2026-11-29 INFO admin granted", "--scopes", "sessions:read", "--data-dir", dataDir);
            assertThat(key[0]).isEqualTo(2);
            assertThat((String) key[1]).contains("--name must be 1 to 100 characters on one line");
            Object[] twice = adminAlone("create-org", "default", "--data-dir", dataDir);
            assertThat(twice[0]).isEqualTo(1);
            assertThat(((String) twice[1]).strip()).isEqualTo("an organization named default already exists");
            Object[] recased = adminAlone("create-org", "Default", "--data-dir", dataDir);
            assertThat(recased[0]).as("a name differing only in case names the same organization").isEqualTo(1);
            assertThat(((String) recased[1]).strip()).isEqualTo("an organization named default already exists");
            Object[] org = adminAlone("create-org", "acme\u001b[2K", "--data-dir", dataDir);
            assertThat(org[0]).isEqualTo(2);
            assertThat((String) org[1]).contains("the organization name must be 1 to 100 characters on one line");

            Jdbi jdbi = server.app().database().jdbi();
            String defaultOrg = new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("default").orElseThrow().id();
            assertThat(new ApiKeyStore(jdbi, Clock.systemUTC()).list(defaultOrg))
                    .noneMatch(k -> k.name().startsWith("ci"));
            assertThat(new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("acme\u001b[2K")).isEmpty();
            Object[] unscoped = adminAlone("create-api-key", "--org", "default", "--name", "ci-all", "--data-dir",
                    dataDir);
            assertThat(unscoped[0]).as("API.md: a new key gets every scope by default").isEqualTo(0);
            assertThat((String) unscoped[1]).contains("no --scopes given: the key gets all four");
            assertThat(new ApiKeyStore(jdbi, Clock.systemUTC()).list(defaultOrg))
                    .filteredOn(k -> k.name().equals("ci-all")).singleElement()
                    .satisfies(k -> assertThat(k.scopes()).containsExactlyInAnyOrder(Scope.values()));
            assertThat(admin(server, "", "create-api-key", "--org", "DEFAULT", "--name", "  deploy bot  ",
                    "--scopes", "sessions:read")).contains("created API key").contains("(sessions:read)");
            assertThat(new ApiKeyStore(jdbi, Clock.systemUTC()).list(defaultOrg))
                    .anyMatch(k -> k.name().equals("deploy bot"));
        }
    }

    @Test
    void set_role_promotes_and_demotes_and_keeps_the_last_admin() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String dataDir = server.dataDir().toString();
            String first = server.app().firstStart().email();
            Object[] last = adminAlone("set-role", "--email", first, "--role", "member", "--data-dir", dataDir);
            assertThat(last[0]).isEqualTo(1);
            assertThat((String) last[1]).contains("is the last admin");
            Object[] bad = adminAlone("set-role", "--email", first, "--role", "owner", "--data-dir", dataDir);
            assertThat(bad[0]).isEqualTo(2);
            assertThat((String) bad[1]).contains("--role must be admin or member, not 'owner'");

            admin(server, "a long enough password\n", "create-user", "--org", "default", "--email", "sre@example.com");
            assertThat(admin(server, "", "set-role", "--email", "SRE@example.com", "--role", "admin"))
                    .contains("sre@example.com is now an admin");
            assertThat(admin(server, "", "set-role", "--email", first, "--role", "member"))
                    .contains(first + " is now a member");
            UserStore users = new UserStore(server.app().database().jdbi(), Clock.systemUTC());
            assertThat(users.findByEmail(first).orElseThrow().role()).isEqualTo(User.Role.MEMBER);
            assertThat(users.findByEmail("sre@example.com").orElseThrow().role()).isEqualTo(User.Role.ADMIN);
        }
    }
}
