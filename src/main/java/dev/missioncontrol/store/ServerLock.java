package dev.missioncontrol.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one server of an SQLite database. Its writes are grouped and ordered within one process, and a second server
 * on the same file (a restart that overlapped the old process, a second container on the same volume) would run
 * every session twice and claim work the first still holds. The operating system's lock on a file beside the
 * database ends with the process however it ends, so a server killed with SIGKILL never leaves a stale lock behind.
 * The admin commands do not take it: they make one change and exit, as SQLite allows while the server runs.
 */
public final class ServerLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the database at {@code databaseFile}, or refuses naming the server that holds it. */
    public static ServerLock take(Path databaseFile) {
        Path file = databaseFile.resolveSibling(databaseFile.getFileName() + ".server-lock");
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new IllegalStateException("another Mission Control server is running on " + databaseFile
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first, or give this one another "
                        + "--data-dir");
            }
            channel.truncate(0).write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", started "
                    + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            return new ServerLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + OwnerOnly.reason(e), e);
        }
    }

    /** Null when another process holds it, or a server earlier in this same process. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
