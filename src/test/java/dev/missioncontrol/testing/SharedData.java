package dev.missioncontrol.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the shared external data (Loghub, NAB, incidents) lives: MC_SHARED_DATA when set, else the {@code shared/data}
 * folder beside the repository, else the workplace's fixed location, so a clone made elsewhere still finds it.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir(String name) {
        String configured = System.getenv("MC_SHARED_DATA");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/data"), Path.of("/work/shared/data"));
        return candidates.stream().map(p -> p.resolve(name).toAbsolutePath().normalize()).filter(Files::isDirectory)
                .findFirst().orElse(candidates.get(0).resolve(name).toAbsolutePath().normalize());
    }
}
