package dev.missioncontrol.orgs;

import dev.missioncontrol.store.Dialect;
import dev.missioncontrol.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** People who log in to Mission Control. Passwords are kept as bcrypt hashes only. */
public final class UserStore {
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(11);

    private final Jdbi jdbi;
    private final Clock clock;

    public UserStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public User create(String orgId, String email, User.Role role, String password) {
        return createHashed(orgId, email, role, hash(password));
    }

    /**
     * A new user whose password was hashed beforehand with {@link #hash}: bcrypt takes a good part of a second, and
     * done inside a transaction that has already written, it holds the transaction open and idle as long, which a
     * database with a short idle-in-transaction timeout ends.
     */
    public User createHashed(String orgId, String email, User.Role role, String passwordHash) {
        return insert(orgId, email, role, passwordHash)
                .orElseThrow(() -> new IllegalStateException("a user with that email already exists"));
    }

    /** The stored form of a password. */
    public String hash(String password) {
        return BCRYPT.encode(password);
    }

    /**
     * The new user, or empty when the email is taken, also by a user created since the caller looked: two admins
     * adding one colleague at once get the page that says so, not a constraint error (whose text would carry the
     * password's hash).
     */
    public Optional<User> createIfFree(String orgId, String email, User.Role role, String password) {
        return insert(orgId, email, role, hash(password));
    }

    private Optional<User> insert(String orgId, String email, User.Role role, String passwordHash) {
        User user = new User(Ids.newId(clock), orgId, stored(email), role, clock.instant());
        int added = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users (id, org_id, email, password_hash, role, "
                        + "created_at) VALUES (:id, :org, :email, :hash, :role, :at) ON CONFLICT (email) DO NOTHING")
                .bind("id", user.id()).bind("org", orgId).bind("email", user.email())
                .bind("hash", passwordHash).bind("role", role.wire())
                .bind("at", user.createdAt().toEpochMilli()).execute());
        return added == 1 ? Optional.of(user) : Optional.empty();
    }

    /** Replaces the user's password; false when there is no such user. */
    public boolean setPassword(String userId, String password) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", BCRYPT.encode(password)).bind("id", userId).execute()) == 1;
    }

    /** The user with this email, in any organization (emails are unique across them). */
    public Optional<User> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE email = :email")
                .bind("email", stored(email)).map(UserStore::user).findOne());
    }

    /** The user when the password matches. An unknown email still costs one hash, so timing reveals nothing. */
    public Optional<User> login(String email, String password) {
        record Row(User user, String hash) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE email = :email")
                .bind("email", stored(email))
                .map((rs, ctx) -> new Row(user(rs, ctx), rs.getString("password_hash"))).findOne());
        if (row.isEmpty() || password == null || PasswordRule.tooLong(password)) {
            // a password bcrypt cannot read matches no hash; it still costs one hash, like an unknown email
            BCRYPT.matches("not-the-password", Dummy.HASH);
            return Optional.empty();
        }
        return BCRYPT.matches(password, row.get().hash()) ? Optional.of(row.get().user()) : Optional.empty();
    }

    public Optional<User> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).map(UserStore::user).findOne());
    }

    /** Why a user could not be removed or given another role; {@code DONE} when they were. */
    public enum Change { DONE, UNKNOWN, LAST_ADMIN }

    /**
     * Removes a user of this organization and ends their logins, in one transaction. The last admin stays, so the
     * organization always has someone who can manage it.
     */
    public Change remove(String orgId, String userId) {
        return jdbi.inTransaction(h -> {
            Optional<User> user = inOrg(h, orgId, userId);
            if (user.isEmpty()) {
                return Change.UNKNOWN;
            }
            if (user.get().role() == User.Role.ADMIN && lockedAdmins(h, orgId) <= 1) {
                return Change.LAST_ADMIN;
            }
            h.createUpdate("DELETE FROM web_sessions WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", userId).execute();
            return Change.DONE;
        });
    }

    /**
     * Gives a user of this organization another role. The last admin stays an admin, as they stay a user in
     * {@link #remove}. Logins already open carry the new role from their next request: each request reads the user.
     */
    public Change setRole(String orgId, String userId, User.Role role) {
        return jdbi.inTransaction(h -> {
            Optional<User> user = inOrg(h, orgId, userId);
            if (user.isEmpty()) {
                return Change.UNKNOWN;
            }
            if (user.get().role() == User.Role.ADMIN && role != User.Role.ADMIN && lockedAdmins(h, orgId) <= 1) {
                return Change.LAST_ADMIN;
            }
            h.createUpdate("UPDATE users SET role = :role WHERE id = :id").bind("role", role.wire())
                    .bind("id", userId).execute();
            return Change.DONE;
        });
    }

    private static Optional<User> inOrg(Handle h, String orgId, String userId) {
        return h.createQuery("SELECT * FROM users WHERE id = :id AND org_id = :org")
                .bind("id", userId).bind("org", orgId).map(UserStore::user).findOne();
    }

    /**
     * The organization's admins, their rows locked until the transaction ends: two admins demoting or removing each
     * other at once are then taken one after the other, so one of them stays.
     */
    private static int lockedAdmins(Handle h, String orgId) {
        return h.createQuery("SELECT id FROM users WHERE org_id = :org AND role = :admin" + dialectOf(h).forUpdate())
                .bind("org", orgId).bind("admin", User.Role.ADMIN.wire()).mapTo(String.class).list().size();
    }

    private static Dialect dialectOf(Handle h) {
        try {
            return Dialect.of(h.getConnection().getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database's dialect", e);
        }
    }

    /** Emails are unique across all organizations. */
    public boolean emailTaken(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE email = :email")
                .bind("email", stored(email)).mapTo(Long.class).one()) > 0;
    }

    public List<User> list(String orgId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE org_id = :org ORDER BY email")
                .bind("org", orgId).map(UserStore::user).list());
    }

    /** Computed on first use, not at class load: it costs a full hash, which start-up need not pay. */
    private static final class Dummy {
        static final String HASH = BCRYPT.encode("not-a-real-password");
    }

    /** An email as it is stored and looked up: without surrounding spaces, in lower case; none is "". */
    private static String stored(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getString("id"), rs.getString("org_id"), rs.getString("email"),
                User.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
