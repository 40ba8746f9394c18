package dev.missioncontrol.orgs;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start against an empty database: the organization {@code default}, an admin with a random password
 * and one API key, printed once. Nothing is printed again, because only digests are kept.
 */
public final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    /** What was created, for the banner and for tests. */
    public record Credentials(String orgId, String orgName, String email, String password, String apiKey) {
    }

    private static final String ADMIN = "admin@localhost";

    private FirstStart() {
    }

    /**
     * Creates the organization, admin and key in one transaction, or nothing: a start that fails or dies midway (the
     * database refusing the key, a Ctrl-C between its writes) must not leave an organization behind, since
     * the next start would then find the database no longer empty and print nothing, with no way in.
     */
    public static Credentials runIfEmpty(Jdbi jdbi, OrgStore orgs, UserStore users, ApiKeyStore keys) {
        if (orgs.anyOrg()) {
            return null;
        }
        String password = randomPassword();
        String hash = users.hash(password); // before the transaction, which bcrypt's time would hold open
        try {
            // the stores' own handles join this transaction: Jdbi lends a thread the handle it already holds
            return jdbi.inTransaction(h -> {
                Organization org = orgs.createOrg("default");
                users.createHashed(org.id(), ADMIN, User.Role.ADMIN, hash);
                String key = keys.create(org.id(), "first key", Scope.all(), ADMIN).plaintext();
                return new Credentials(org.id(), org.name(), ADMIN, password, key);
            });
        } catch (RuntimeException e) {
            if (!orgs.anyOrg()) {
                throw e; // not a race with another node: the database refused the write
            }
            LOG.info("first-start setup skipped: another process created the default organization first");
            return null;
        }
    }

    /**
     * Takes back what {@link #runIfEmpty} created when the server then failed to start (its port taken, say): the
     * banner was never printed and only digests are kept, so the admin and the key would be unusable, and the next
     * start would find the database no longer empty and print nothing. With them gone, it starts afresh.
     */
    public static void undo(Jdbi jdbi, Credentials c) {
        undo(jdbi, c.orgId());
    }

    private static void undo(Jdbi jdbi, String orgId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM api_keys WHERE org_id = :org").bind("org", orgId).execute();
            h.createUpdate("DELETE FROM web_sessions WHERE user_id IN (SELECT id FROM users WHERE org_id = :org)")
                    .bind("org", orgId).execute();
            h.createUpdate("DELETE FROM users WHERE org_id = :org").bind("org", orgId).execute();
            h.createUpdate("DELETE FROM organizations WHERE id = :org").bind("org", orgId).execute();
        });
    }

    public static void print(Credentials c, String baseUrl, PrintStream out) {
        String line = "=".repeat(78);
        out.println(line);
        out.println(" Mission Control: first start. These credentials are shown ONCE; store them now.");
        out.println(line);
        out.println(" Organization : " + c.orgName());
        out.println(" Admin login  : " + c.email());
        out.println(" Password     : " + c.password());
        out.println(" API key      : " + c.apiKey());
        out.println();
        out.println(" Web UI       : " + baseUrl + "/");
        out.println(" Try it       : curl -X POST " + baseUrl + "/api/v1/deployments/ \\");
        out.println("                  -H 'Authorization: Bearer " + c.apiKey() + "' \\");
        out.println("                  -H 'Content-Type: application/json' \\");
        out.println("                  -d '{\"deployment_request\":\"Deploy v1\",\"repository_full_name\":\"acme/api\"}'");
        out.println();
        // only digests are kept, so a lost password or key is replaced, never shown again
        out.println(" Lost them?   : ./missionctl admin set-password --email " + c.email() + "   # a new password");
        out.println("                ./missionctl admin create-api-key --org " + c.orgName() + " --name ci \\");
        out.println("                  --scopes deployments:write,deployments:read   # a new key");
        out.println("                (each with the --data-dir or --database-url this server was started with)");
        out.println(line);
        out.flush();
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
