package dev.missioncontrol.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory and the SQLite database are created readable by their owner only: the database holds webhook
 * secrets, Slack webhook URLs (the credential to post into a channel) and every pasted log, and the usual umask
 * would let any user of the machine read them. SQLite gives its WAL and shared-memory files the database file's
 * permissions. What already exists is left as it is (an operator may have opened it to a backup group on purpose),
 * with a warning when anyone may read the database.
 */
final class OwnerOnly {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private OwnerOnly() {
    }

    static void createDirectories(Path dir) {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            if (POSIX) {
                Files.createDirectories(dir, attribute("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir + ": " + reason(e), e);
        }
    }

    /** Creates the empty database file (SQLite takes an empty file for a new database), or checks the one there. */
    static void createFile(Path file) {
        if (!POSIX) {
            return;
        }
        try {
            Files.createFile(file, attribute("rw-------"));
        } catch (FileAlreadyExistsException e) {
            warnIfOthersRead(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + reason(e), e);
        }
    }

    private static void warnIfOthersRead(Path file) {
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("every user of this machine can read {}, which holds webhook secrets and pasted logs; "
                        + "chmod 600 it (and its -wal and -shm files)", file.toAbsolutePath());
            }
        } catch (IOException e) {
            // only a warning: the server works either way
        }
    }

    /**
     * What the operating system said, which the messages above would otherwise leave to MC_DEBUG=1: a read-only file
     * system, no permission, a file where a folder should be.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
