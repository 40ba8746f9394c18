package dev.missioncontrol.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Backs up and restores the SQLite database. Copying the file with cp while the server runs is not a backup: the
 * committed writes still in the -wal file are missing, and a page written mid-copy tears the copy. VACUUM INTO reads
 * one consistent snapshot through SQLite itself while the server goes on writing, and writes a compact file with
 * no -wal beside it. Neither command migrates: a backup taken before an upgrade must be of the old schema.
 */
public final class SqliteCopy {
    private SqliteCopy() {
    }

    /** Writes a consistent copy of {@code database} to {@code target}, which must not exist; returns its size. */
    public static long backup(Path database, Path target) {
        requireDatabase(database, "; pass the --data-dir (MC_DATA_DIR) that serve uses");
        if (Files.exists(target)) {
            throw new IllegalStateException(target.toAbsolutePath() + " already exists; a backup never overwrites "
                    + "one, so name a new file");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalStateException("there is no folder " + folder + " to write the backup in");
        }
        // the copy holds webhook secrets and pasted logs like the database itself: readable by its owner only
        OwnerOnly.createFile(target);
        try (Connection c = open(database); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new IllegalStateException("the backup failed, and the partial copy was removed: "
                    + e.getMessage(), e);
        }
        requireIntact(target);
        return size(target);
    }

    /**
     * Puts {@code backup} in place of {@code database}, while no server runs on it. The database it replaces is kept
     * beside it, with its -wal and -shm files under the same new name: a -wal left under the old name would be
     * replayed into the restored file at the next start and corrupt it.
     *
     * @return where the replaced database was moved, or null when there was none
     */
    public static Path restore(Path backup, Path database, String keptSuffix) {
        requireIntact(backup);
        try (ServerLock ignored = ServerLock.take(database)) {
            Path kept = null;
            if (Files.exists(database)) {
                kept = database.resolveSibling(database.getFileName() + keptSuffix);
                for (String part : new String[] {"", "-wal", "-shm"}) {
                    Path from = database.resolveSibling(database.getFileName() + part);
                    if (Files.exists(from)) {
                        Files.move(from, kept.resolveSibling(kept.getFileName() + part));
                    }
                }
            }
            Path incoming = database.resolveSibling(database.getFileName() + ".restoring");
            Files.deleteIfExists(incoming);
            OwnerOnly.createFile(incoming);
            copyDurably(backup, incoming);
            Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("the restore failed: " + e.getMessage(), e);
        }
    }

    /**
     * Copies into the owner-only file already there (Files.copy would replace it with one of the usual umask), and on
     * to the disk before it is moved into place, so a power cut cannot leave a half-written database under the name.
     */
    private static void copyDurably(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        }
    }

    /** A file SQLite reads through, whose pages are sound and which holds a Mission Control schema. */
    private static void requireIntact(Path file) {
        requireDatabase(file, "");
        try (Connection c = open(file); Statement s = c.createStatement()) {
            try (ResultSet check = s.executeQuery("PRAGMA quick_check")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new IllegalStateException(file.toAbsolutePath() + " is damaged: " + verdict);
                }
            }
            try (ResultSet schema = s.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE name = 'flyway_schema_history'")) {
                if (!schema.next()) {
                    throw new IllegalStateException(file.toAbsolutePath() + " holds no Mission Control database");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " cannot be read as a database: "
                    + e.getMessage(), e);
        }
    }

    private static void requireDatabase(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("there is no database at " + file.toAbsolutePath() + hint);
        }
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000); // waits out a checkpoint of the running server rather than fail
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the message already says the backup failed; a leftover empty file is named by the next attempt
        }
    }
}
