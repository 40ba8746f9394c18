package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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

    /**
     * MC_JAVA_OPTS may choose the garbage collector (G1 for a large heap): the launcher's own serial collector then
     * stands aside, since the JVM refuses two, and so does the class cache recorded under it, which ZGC cannot map.
     */
    @Test
    void a_collector_chosen_in_mc_java_opts_replaces_the_launchers_own(@TempDir Path root) throws Exception {
        Path launcher = builtProject(root);
        Path jdk = fakeJdk(root, "25.0.3+9");
        assertThat(run(launcher, jdk, "", "serve")).contains("-XX:+UseSerialGC", "-XX:AOTCacheOutput=");
        Files.writeString(root.resolve("target/missioncontrol.aot"), "recorded");

        assertThat(run(launcher, jdk, "", "serve")).contains("-XX:+UseSerialGC", "-XX:AOTCache=");
        assertThat(run(launcher, jdk, "-Xmx2g -XX:+UseG1GC", "serve")).contains("-XX:+UseG1GC")
                .doesNotContain("-XX:+UseSerialGC", "AOTCache");
    }

    /**
     * A class cache serves only the JVM that recorded it: after the JDK is upgraded in place, the old cache would print
     * "[error][aot] Unable to map shared spaces" on every command, so it is left alone until serve records anew.
     */
    @Test
    void a_class_cache_is_used_only_by_the_jvm_that_recorded_it(@TempDir Path root) throws Exception {
        Path launcher = builtProject(root);
        run(launcher, fakeJdk(root, "25.0.3+9"), "", "serve");
        Files.writeString(root.resolve("target/missioncontrol.aot"), "recorded");
        assertThat(run(launcher, fakeJdk(root, "25.0.3+9"), "", "admin")).contains("-XX:AOTCache=");

        Path upgraded = fakeJdk(root, "25.0.4+7");
        assertThat(run(launcher, upgraded, "", "admin")).doesNotContain("AOTCache");
        assertThat(run(launcher, upgraded, "", "serve")).contains("-XX:AOTCacheOutput=");
    }

    /**
     * A second serve started beside a recording one (refused at once, its data dir held) wrote its few seconds of
     * classes over the cache being recorded, and the first's recording then failed as it stopped: only the serve
     * holding the recording lock records, and it holds it until its JVM exits.
     */
    @Test
    void a_serve_started_while_another_records_the_class_cache_does_not_record_over_it(@TempDir Path root)
            throws Exception {
        Path launcher = builtProject(root);
        Path jdk = fakeJdk(root, "25.0.3+9");
        Process holder = new ProcessBuilder("flock", root.resolve("target/missioncontrol.aot.lock").toString(),
                "sleep", "30").start();
        try {
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !lockFree(root));

            assertThat(run(launcher, jdk, "", "serve")).doesNotContain("AOTCache");
        } finally {
            holder.descendants().forEach(ProcessHandle::destroy); // the sleep holds the lock flock took for it
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> lockFree(root));
        assertThat(run(launcher, jdk, "", "serve")).contains("-XX:AOTCacheOutput=");
    }

    /** Whether nothing holds the recording lock: flock -n gets it at once. */
    private static boolean lockFree(Path root) throws Exception {
        return new ProcessBuilder("flock", "-n", root.resolve("target/missioncontrol.aot.lock").toString(), "true")
                .start().waitFor() == 0;
    }

    /** A project whose jar is built after its last change, so the launcher runs it without building. */
    private static Path builtProject(Path root) throws IOException {
        Path launcher = project(root, "exit 1");
        Path jar = Files.writeString(Files.createDirectories(root.resolve("target")).resolve("missioncontrol.jar"), "");
        assertThat(root.resolve("pom.xml").toFile().setLastModified(System.currentTimeMillis() - 120_000)).isTrue();
        assertThat(jar.toFile().setLastModified(System.currentTimeMillis() - 60_000)).isTrue();
        return launcher;
    }

    /** A JDK whose java answers the launcher's version question and writes down how else it was run. */
    private static Path fakeJdk(Path root, String vmVersion) throws IOException {
        Path bin = Files.createDirectories(root.resolve("jdk/bin"));
        for (String tool : List.of("java", "javac")) {
            assertThat(Files.writeString(bin.resolve(tool), "#!/usr/bin/env bash\ncase \"$*\" in *-XshowSettings*) "
                    + "printf '    java.specification.version = 25\\n    java.vm.version = " + vmVersion + "\\n' >&2; "
                    + "exit 0;; esac\necho \"$@\" > " + root.resolve("ran") + "\n").toFile().setExecutable(true))
                    .isTrue();
        }
        return bin.getParent();
    }

    /** How the launcher ran java for {@code command}, with this JDK and MC_JAVA_OPTS. */
    private static String run(Path launcher, Path jdk, String javaOpts, String command) throws Exception {
        ProcessBuilder launch = new ProcessBuilder(launcher.toString(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        launch.environment().putAll(Map.of("JAVA_HOME", jdk.toString(), "MC_JAVA_OPTS", javaOpts));
        assertThat(launch.start().waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(launcher.getParent().resolve("ran"));
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
