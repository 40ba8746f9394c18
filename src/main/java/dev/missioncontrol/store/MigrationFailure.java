package dev.missioncontrol.store;

import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * A schema upgrade that failed, said on one line with what to do. Flyway's own messages span a dozen lines whose
 * first says only "Failed to execute script V9__….sql" or "Migrations have failed validation", and the command line
 * prints first lines: the cause (an index that already exists, a checksum that differs) was left to MC_DEBUG=1.
 */
final class MigrationFailure {
    private MigrationFailure() {
    }

    static IllegalStateException of(FlywayException e, Flyway flyway) {
        if (e instanceof FlywayValidateException) {
            return new IllegalStateException("the database schema does not match this version's migrations ("
                    + validationDetails(e) + "): it was changed by hand or by another build of Mission Control. "
                    + "Run the build that migrated it, or restore a backup (admin restore)", e);
        }
        return new IllegalStateException("upgrading the database schema failed (" + firstLine(e) + ": "
                + rootMessage(e) + "); the failed migration was rolled back, and the schema stays at version "
                + currentVersion(flyway) + ". Start the previous version, or restore the backup taken before the "
                + "upgrade (admin restore), and report this message", e);
    }

    /** The lines that name the migration and what differs, without Flyway's advice about its own CLI. */
    private static String validationDetails(FlywayException e) {
        return e.getMessage().lines().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Either ") && !l.startsWith("Need more"))
                .map(l -> l.replaceFirst("^-> ", "")).map(l -> l.replaceAll("\\s+:", ":"))
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root);
    }

    private static String currentVersion(Flyway flyway) {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
        } catch (FlywayException unreadable) {
            return "unknown";
        }
    }
}
