package dev.missioncontrol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Which build this is: the release and the commit the build recorded (in {@code build.properties}, written by the
 * build from git). Two builds of one release differ in what they refuse and fix, so a bug report, an upgrade note
 * and the nodes of a cluster must be able to tell them apart.
 */
public final class BuildVersion implements CommandLine.IVersionProvider {
    static final String RELEASE = "0.1.0";
    private static final String RECORD = "build.properties";
    /** What a build made outside a git checkout says in place of its commit. */
    static final String UNKNOWN = "unknown";

    /** "Mission Control 0.1.0 (commit 47becc2, 2026-12-01)", or why the commit is not known. */
    public static String describe() {
        Properties recorded = recorded();
        String commit = commit(recorded);
        if (commit.equals(UNKNOWN)) {
            return "Mission Control " + RELEASE + " (commit unknown: built outside a git checkout)";
        }
        String changed = Boolean.parseBoolean(recorded.getProperty("git.dirty")) ? " with local changes" : "";
        String day = recorded.getProperty("git.commit.time", "").strip();
        return "Mission Control " + RELEASE + " (commit " + commit + changed + (day.isEmpty() ? "" : ", " + day) + ")";
    }

    /** The abbreviated commit the build came from, or {@value #UNKNOWN}. */
    static String commit() {
        return commit(recorded());
    }

    @Override
    public String[] getVersion() {
        return new String[] {describe()};
    }

    private static String commit(Properties recorded) {
        String commit = recorded.getProperty("git.commit.id.abbrev", "").strip();
        return commit.isEmpty() ? UNKNOWN : commit;
    }

    private static Properties recorded() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RECORD)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the build's own record " + RECORD + " could not be read", e);
        }
        return p;
    }
}
