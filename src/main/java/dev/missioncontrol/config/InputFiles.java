package dev.missioncontrol.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Says in words why a file named on the command line could not be read, for a one-line CLI error. */
public final class InputFiles {
    private InputFiles() {
    }

    public static String whyUnreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return file + " does not exist";
        }
        if (Files.isDirectory(file)) {
            return file + " is a directory, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return file + " cannot be read (permission denied)";
        }
        return file + " cannot be read: " + e.getMessage();
    }
}
