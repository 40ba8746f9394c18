package dev.missioncontrol.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Loghub-2k systems present in a data folder, each with the header format from {@code formats.txt}.
 * Only the header shape is taken from that file: its per-system regexes and thresholds are ignored on purpose,
 * since the miner runs with one configuration everywhere.
 */
final class LoghubSystems {

    record LoghubSystem(String name, Path log, String format) {

        Path truth() {
            return log.resolveSibling(log.getFileName() + "_structured.csv");
        }

        Path correctedTruth() {
            return log.resolveSibling(log.getFileName() + "_structured_corrected.csv");
        }
    }

    private LoghubSystems() {
    }

    /** The data folder: {@code -Dloghub.dir} or {@code LOGHUB_DIR}, else the shared data's {@code loghub}. */
    static Path defaultRoot() {
        String configured = System.getProperty("loghub.dir", System.getenv("LOGHUB_DIR"));
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : dev.missioncontrol.testing.SharedData.dir("loghub");
    }

    static List<LoghubSystem> in(Path root) throws IOException {
        List<LoghubSystem> systems = new ArrayList<>();
        String name = null;
        String file = null;
        for (String line : Files.readAllLines(root.resolve("formats.txt"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                name = trimmed.substring(1, trimmed.length() - 1);
            } else if (trimmed.startsWith("log_file")) {
                file = valueOf(trimmed);
            } else if (trimmed.startsWith("log_format") && name != null && file != null) {
                Path log = root.resolve(file);
                if (Files.exists(log)) {
                    systems.add(new LoghubSystem(name, log, valueOf(trimmed)));
                }
            }
        }
        return systems;
    }

    private static String valueOf(String setting) {
        return setting.substring(setting.indexOf('=') + 1).strip();
    }
}
