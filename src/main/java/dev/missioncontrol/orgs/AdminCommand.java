package dev.missioncontrol.orgs;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.store.BackupCommand;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.RestoreCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code missionctl admin …}: works straight on the database, also while the server runs. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage organizations, users and API keys; back up and restore the database.",
        subcommands = {AdminCommand.CreateOrgCommand.class, AdminCommand.CreateUserCommand.class,
                AdminCommand.SetPasswordCommand.class, AdminCommand.SetRoleCommand.class,
                AdminCommand.RemoveUserCommand.class,
                AdminCommand.CreateApiKeyCommand.class, AdminCommand.ListApiKeysCommand.class,
                AdminCommand.RevokeApiKeyCommand.class, BackupCommand.class, RestoreCommand.class})
public final class AdminCommand implements Callable<Integer> {
    /** No subcommand is a usage error, as no command is for missionctl: a script missing one must not pass. */
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return CommandLine.ExitCode.USAGE;
    }

    @Command(name = "create-org", mixinStandardHelpOptions = true,
            description = "Create an organization.")
    static final class CreateOrgCommand extends DatabaseCommand {
        @Parameters(index = "0", description = "Organization name.")
        String name;

        @Override
        int run(Database db, Clock clock) {
            OrgStore orgs = new OrgStore(db.jdbi(), clock);
            String wanted = oneLineName("the organization name", name);
            var existing = orgs.findOrgByName(wanted);
            if (existing.isPresent()) {
                System.err.println("an organization named " + existing.get().name() + " already exists");
                return 1;
            }
            Organization org = orgs.createOrg(wanted);
            System.out.println("created organization " + org.name() + " (" + org.id() + ")");
            return 0;
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from stdin or generated.")
    static final class CreateUserCommand extends DatabaseCommand {
        @Option(names = "--org", required = true, description = "The organization the user belongs to.")
        String orgName;

        @Option(names = "--email", required = true,
                description = "What they log in with; one user per email across all organizations.")
        String email;

        @Option(names = "--role", defaultValue = "member", description = "admin or member (default member).")
        String role;

        @Override
        int run(Database db, Clock clock) throws IOException {
            Organization org = org(new OrgStore(db.jdbi(), clock), orgName);
            User.Role r = role(spec, role);
            if (!User.isEmail(email)) {
                System.err.println("'" + email + "' is not an email address");
                return 2;
            }
            UserStore users = new UserStore(db.jdbi(), clock);
            if (users.emailTaken(email)) { // checked first: the insert's error would print the new password's hash
                System.err.println("a user with that email already exists");
                return 1;
            }
            Optional<NewPassword> password = NewPassword.read();
            if (password.isEmpty()) {
                return 2;
            }
            User u;
            try {
                Optional<User> created = users.createIfFree(org.id(), email, r, password.get().value());
                if (created.isEmpty()) { // taken meanwhile, from the web page or another command
                    System.err.println("a user with that email already exists");
                    return 1;
                }
                u = created.get();
            } catch (StatementException e) { // its message carries the bound values, the hash among them
                System.err.println("could not create the user: " + DatabaseCommand.innermost(e).getMessage());
                return 1;
            }
            System.out.println("created user " + u.email() + " (" + u.role().wire() + ") in " + org.name());
            password.get().printIfGenerated();
            return 0;
        }

    }

    private static User.Role role(CommandLine.Model.CommandSpec spec, String role) {
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "admin" -> User.Role.ADMIN;
            case "member" -> User.Role.MEMBER;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--role must be admin or member, not '" + role + "'");
        };
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
            description = "Make a user an admin or a member; it applies to their open logins at "
            + "once (the last admin stays an admin).")
    static final class SetRoleCommand extends DatabaseCommand {
        @Option(names = "--email", required = true, description = "The email the user logs in with.")
        String email;

        @Option(names = "--role", required = true, description = "admin or member.")
        String role;

        @Override
        int run(Database db, Clock clock) {
            User.Role r = role(spec, role);
            UserStore users = new UserStore(db.jdbi(), clock);
            User user = users.findByEmail(email).orElse(null);
            UserStore.Change change = user == null ? UserStore.Change.UNKNOWN
                    : users.setRole(user.orgId(), user.id(), r);
            switch (change) {
                case DONE -> System.out.println(user.email() + " is now " + (r == User.Role.ADMIN ? "an admin"
                        : "a member"));
                case LAST_ADMIN -> System.err.println(email + " is the last admin of their organization; make "
                        + "another user an admin first");
                case UNKNOWN -> System.err.println("no user with the email " + email);
            }
            return change == UserStore.Change.DONE ? 0 : 1;
        }
    }

    /** The password for create-user and set-password: piped on stdin, or generated and then printed once. */
    record NewPassword(String value, boolean generated) {
        /**
         * A piped password is read from stdin; on a terminal none is read and one is generated. Empty, with the
         * reason on stderr, when the piped one is shorter than the settings page allows.
         */
        static Optional<NewPassword> read() throws IOException {
            String line = System.console() != null ? null
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            // kept exactly as typed: the login form takes a password as typed, spaces at its ends too
            String piped = line == null || line.isBlank() ? null : line;
            if (piped == null) {
                return Optional.of(new NewPassword(FirstStart.randomPassword(), true));
            }
            Optional<String> problem = PasswordRule.problem(piped);
            if (problem.isPresent()) {
                System.err.println("the password " + problem.get());
                return Optional.empty();
            }
            return Optional.of(new NewPassword(piped, false));
        }

        void printIfGenerated() {
            if (generated) {
                System.out.println("password: " + value);
            }
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Give a user a new password (read from stdin or generated) and end "
            + "their logins; the way back in for an admin who lost theirs.")
    static final class SetPasswordCommand extends DatabaseCommand {
        @Option(names = "--email", required = true, description = "The email the user logs in with.")
        String email;

        @Override
        int run(Database db, Clock clock) throws IOException {
            UserStore users = new UserStore(db.jdbi(), clock);
            User user = users.findByEmail(email).orElse(null);
            if (user == null) {
                System.err.println("no user with the email " + email);
                return 1;
            }
            Optional<NewPassword> password = NewPassword.read();
            if (password.isEmpty()) {
                return 2;
            }
            users.setPassword(user.id(), password.get().value());
            new WebSessionStore(db.jdbi(), clock).endOthers(user.id(), null);
            System.out.println("new password set for " + user.email() + "; their logins have ended");
            password.get().printIfGenerated();
            return 0;
        }
    }

    @Command(name = "remove-user", mixinStandardHelpOptions = true,
            description = "Remove a user and end their logins (the last admin stays).")
    static final class RemoveUserCommand extends DatabaseCommand {
        @Option(names = "--email", required = true, description = "The email the user logs in with.")
        String email;

        @Override
        int run(Database db, Clock clock) {
            UserStore users = new UserStore(db.jdbi(), clock);
            User user = users.findByEmail(email).orElse(null);
            UserStore.Change removal = user == null ? UserStore.Change.UNKNOWN
                    : users.remove(user.orgId(), user.id());
            switch (removal) {
                case DONE -> {
                    System.out.println("removed " + user.email() + "; their logins have ended");
                    printKeysLeft(new ApiKeyStore(db.jdbi(), clock).usableCreatedBy(user.orgId(), user.email()));
                }
                case LAST_ADMIN -> System.err.println(email + " is the last admin of their organization; make "
                        + "another user an admin first (missionctl admin set-role)");
                case UNKNOWN -> System.err.println("no user with the email " + email);
            }
            return removal == UserStore.Change.DONE ? 0 : 1;
        }

        /** The keys they created still work (they are the organization's); they saw their text, so say which. */
        private static void printKeysLeft(List<ApiKey> keys) {
            if (!keys.isEmpty()) {
                System.out.println("API keys they created still work; revoke each with missionctl admin "
                        + "revoke-api-key ID unless a pipeline should keep using it:");
                keys.forEach(k -> System.out.println("  " + k.id() + "  " + k.name()));
            }
        }
    }

    @Command(name = "create-api-key", mixinStandardHelpOptions = true,
            description = "Create an API key; the key is printed alone on the last line.")
    static final class CreateApiKeyCommand extends DatabaseCommand {
        @Option(names = "--org", required = true, description = "The organization the key acts for.")
        String orgName;

        @Option(names = "--name", required = true,
                description = "What the key is for, e.g. ci; shown in list-api-keys and the settings page.")
        String name;

        // API.md: a new key gets every scope by default. Such a key is an admin's to the API, so the command says
        // so and how to name fewer: a key leaked from CI should hold only what CI does.
        @Option(names = "--scopes", split = ",", description = "Comma-separated, any of deployments:write, "
                + "deployments:read, sessions:write, sessions:read (default: all four).")
        List<String> scopes;

        @Override
        int run(Database db, Clock clock) {
            Organization org = org(new OrgStore(db.jdbi(), clock), orgName);
            if (scopes == null) {
                System.err.println("no --scopes given: the key gets all four, which also manage webhooks; a key for "
                        + "CI needs only --scopes deployments:write,deployments:read");
            }
            ApiKeyStore.CreatedKey k = new ApiKeyStore(db.jdbi(), clock).create(org.id(), oneLineName("--name", name),
                    parseScopes(), null);
            System.out.println("created API key " + k.key().id() + " (" + Scope.join(k.key().scopes()) + ") in "
                    + org.name() + "; it is shown only now:");
            System.out.println(k.plaintext());
            return 0;
        }

        private Set<Scope> parseScopes() {
            if (scopes == null) {
                return EnumSet.allOf(Scope.class);
            }
            Set<Scope> out = EnumSet.noneOf(Scope.class);
            for (String s : scopes) {
                out.add(Scope.parse(s).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "unknown scope '" + s + "'")));
            }
            return out;
        }
    }

    @Command(name = "list-api-keys", mixinStandardHelpOptions = true,
            description = "List an organization's API keys (never their secrets).")
    static final class ListApiKeysCommand extends DatabaseCommand {
        @Option(names = "--org", required = true, description = "The organization whose keys are listed.")
        String orgName;

        @Override
        int run(Database db, Clock clock) {
            Organization org = org(new OrgStore(db.jdbi(), clock), orgName);
            System.out.printf("%-10s %-24s %-8s %-25s %-28s %s%n", "KEY ID", "NAME", "STATE", "LAST USED",
                    "CREATED BY", "SCOPES");
            for (ApiKey k : new ApiKeyStore(db.jdbi(), clock).list(org.id())) {
                System.out.printf("%-10s %-24s %-8s %-25s %-28s %s%n", k.id(), k.name(),
                        k.revokedAt() != null ? "revoked" : "active",
                        k.lastUsedAt() == null ? "never" : k.lastUsedAt().toString(),
                        k.createdBy() == null ? "-" : k.createdBy(), Scope.join(k.scopes()));
            }
            return 0;
        }
    }

    private static final Pattern KEY_ID = Pattern.compile("[0-9A-Za-z]{8}");

    @Command(name = "revoke-api-key", mixinStandardHelpOptions = true,
            description = "Revoke an API key by its id.")
    static final class RevokeApiKeyCommand extends DatabaseCommand {
        @Parameters(index = "0", description = "The 8-character key id (the part after mc_), or the whole key.")
        String keyText;

        @Override
        int run(Database db, Clock clock) {
            // a whole key is read for its id; it, or anything else that is no id, is never echoed back
            String keyId = ApiKeyFormat.parse(keyText).map(ApiKeyFormat.ParsedKey::keyId).orElse(keyText);
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a key id: give the 8 characters "
                        + "after mc_ as list-api-keys shows them, or the whole key");
            }
            if (!new ApiKeyStore(db.jdbi(), clock).revoke(keyId, null)) {
                System.err.println("no active API key with id " + keyId);
                return 1;
            }
            System.out.println("revoked API key " + keyId + "; it stops working at once on every node");
            return 0;
        }
    }
}
