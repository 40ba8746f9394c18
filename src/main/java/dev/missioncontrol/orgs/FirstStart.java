package dev.missioncontrol.orgs;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start against an empty database: the organization {@code default}, an admin with a random password
 * and one API key, printed once. Nothing is printed again, because only digests are kept.
 */
public final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    /** What was created, for the banner and for tests. */
    public record Credentials(String orgName, String email, String password, String apiKey) {
    }

    private FirstStart() {
    }

    public static Credentials runIfEmpty(OrgStore orgs, UserStore users, ApiKeyStore keys) {
        if (orgs.anyOrg()) {
            return null;
        }
        try {
            Organization org = orgs.createOrg("default");
            String password = randomPassword();
            users.create(org.id(), "admin@localhost", User.Role.ADMIN, password);
            String key = keys.create(org.id(), "first key", Scope.all(), "admin@localhost").plaintext();
            return new Credentials(org.name(), "admin@localhost", password, key);
        } catch (RuntimeException e) {
            // Another node of the cluster initialised the database at the same moment; its banner has the keys.
            LOG.info("first-start setup skipped: another process created the default organization first");
            return null;
        }
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
        out.println(line);
        out.flush();
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
