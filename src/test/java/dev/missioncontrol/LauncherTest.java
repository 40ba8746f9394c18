package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher rebuilds the jar whenever the sources are newer, and any command does that: an admin command run after
 * a pull, while the server still runs from the old jar. The build runs here as a stand-in script, since a real one
 * takes minutes; like Maven's jar plugin, it writes the new jar through the existing file.
 */
class LauncherTest {
    @Test
    void a_rebuild_leaves_the_jar_a_running_server_holds_open_as_it_was(@TempDir Path root) throws Exception {
        Path launcher = project(root, "printf rebuilt > target/missioncontrol.jar");
        Path jar = Files.writeString(Files.createDirectories(root.resolve("target")).resolve("missioncontrol.jar"),
                "running");
        Path source = Files.writeString(Files.createDirectories(root.resolve("src/main")).resolve("Changed.java"), "");
        assertThat(source.toFile().setLastModified(jar.toFile().lastModified() + 10_000)).isTrue();

        try (InputStream server = Files.newInputStream(jar)) {
            Process admin = new ProcessBuilder(launcher.toString(), "admin", "list-api-keys").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(admin.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(Files.readString(jar)).isEqualTo("rebuilt");
            assertThat(new String(server.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("running");
        }
    }

    /** Two commands started together after a pull build once: the second waits for the first's build. */
    @Test
    void two_commands_started_together_build_the_jar_once(@TempDir Path root) throws Exception {
        Path launcher = project(root, "echo build >> builds\nsleep 3\nprintf rebuilt > target/missioncontrol.jar");
        Path jar = Files.writeString(Files.createDirectories(root.resolve("target")).resolve("missioncontrol.jar"),
                "old");
        Path source = Files.writeString(Files.createDirectories(root.resolve("src/main")).resolve("Changed.java"), "");
        // changed a minute ago, after the jar was built: a new build is newer than both
        assertThat(jar.toFile().setLastModified(System.currentTimeMillis() - 120_000)).isTrue();
        assertThat(source.toFile().setLastModified(System.currentTimeMillis() - 60_000)).isTrue();

        Process first = new ProcessBuilder(launcher.toString(), "admin", "list-api-keys").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process second = new ProcessBuilder(launcher.toString(), "admin", "list-api-keys").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readAllLines(root.resolve("builds"))).hasSize(1);
    }

    /** Linked into a folder on the PATH, the launcher still builds and runs the project the link points into. */
    @Test
    void a_launcher_run_through_a_symbolic_link_uses_the_project_it_links_to(@TempDir Path root) throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path launcher = project(project, "printf built > target/missioncontrol.jar");
        Path onThePath = Files.createSymbolicLink(Files.createDirectories(root.resolve("bin")).resolve("missionctl"),
                launcher);

        Process admin = new ProcessBuilder(onThePath.toString(), "admin", "list-api-keys").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(admin.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(project.resolve("target/missioncontrol.jar"))).isEqualTo("built");
        assertThat(root.resolve("bin/target")).doesNotExist();
    }

    /**
     * A Java 21 runtime without javac (Debian's default-jre-headless) cannot build the jar; when sources changed, the
     * launcher passes it over for a JDK (this machine's in /usr/lib/jvm) rather than fail in Maven's compiler.
     */
    @Test
    void a_build_is_run_with_a_jdk_not_a_runtime_without_javac(@TempDir Path root) throws Exception {
        Path launcher = project(root, "echo \"$JAVA_HOME\" > built-with\nprintf built > target/missioncontrol.jar");
        Path runtime = Files.createDirectories(root.resolve("jre-21/bin"));
        Path java = Files.writeString(runtime.resolve("java"),
                "#!/usr/bin/env bash\necho '    java.specification.version = 21' >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        ProcessBuilder admin = new ProcessBuilder(launcher.toString(), "admin", "list-api-keys")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        admin.environment().put("JAVA_HOME", runtime.getParent().toString());
        assertThat(admin.start().waitFor(60, TimeUnit.SECONDS)).isTrue();

        String jdk = Files.readString(root.resolve("built-with")).strip();
        assertThat(jdk).isNotEqualTo(runtime.getParent().toString());
        assertThat(Path.of(jdk, "bin", "javac")).isExecutable();
    }

    /** A project folder with the launcher, a pom and a stand-in Maven Wrapper running {@code build}; the launcher. */
    private static Path project(Path folder, String build) throws IOException {
        Path launcher = folder.resolve("missionctl");
        Files.copy(Path.of("missionctl"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Path wrapper = Files.writeString(folder.resolve("mvnw"), "#!/usr/bin/env bash\n" + build + "\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        Files.writeString(folder.resolve("pom.xml"), "<project/>");
        return launcher;
    }
}
