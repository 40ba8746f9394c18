package dev.missioncontrol.signals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers sent with every query to the server-wide Prometheus, from a file the operator keeps, one {@code Name: value}
 * a line: an {@code Authorization} for a Prometheus behind basic auth or a proxy that checks a token, an
 * {@code X-Scope-OrgID} for a Mimir, Cortex or Thanos tenant. The file is read again for each check, so a token a
 * sidecar rotates (a Kubernetes projected service-account token) is picked up without a restart.
 *
 * <p>Only the server-wide Prometheus gets them. A project's own Prometheus URL is set by its organization's admin,
 * and the server's credentials sent there would go to whoever answers at that address. A reason a file is refused
 * names lines and header names, never a value, which is usually the secret.
 */
public final class PrometheusHeaders {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusHeaders.class);
    public static final PrometheusHeaders NONE = new PrometheusHeaders(null);
    /** RFC 9110's token: what a field name may be. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the HTTP client from the request itself; a second one from the file would make the request invalid. */
    private static final Set<String> CLIENT_OWN = Set.of("host", "content-length", "content-type",
            "transfer-encoding", "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-connection");
    /** Far more than a few headers with a token each; a larger file is another file named by mistake. */
    static final int MAX_BYTES = 64 * 1024;

    private final Path file;

    private PrometheusHeaders(Path file) {
        this.file = file;
    }

    /** The headers {@code file} holds each time they are read; none when it is null. */
    public static PrometheusHeaders at(Path file) {
        return file == null ? NONE : new PrometheusHeaders(file);
    }

    /**
     * The headers in {@code file}, read once now so that a file the server could never use is refused at start, with
     * a warning when every user of the machine may read it.
     *
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    public static PrometheusHeaders from(Path file) {
        PrometheusHeaders headers = new PrometheusHeaders(file);
        headers.read();
        warnIfOthersRead(file);
        return headers;
    }

    private static void warnIfOthersRead(Path file) {
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("every user of this machine can read {}, which holds the headers for Prometheus (its "
                        + "credentials, usually); chmod 600 it", file.toAbsolutePath());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // only a warning: the headers work either way
        }
    }

    /**
     * The headers as the file holds them now; empty when none was configured.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds a line that is not a header
     */
    public Map<String, String> read() {
        if (file == null) {
            return Map.of();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + " may not be read by the user the server runs as", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code Name: value} lines; blank lines and lines starting with # are left out. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).strip();
            String where = "line " + (i + 1);
            if (colon < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + " is not a header: write it as Name: value");
            }
            String value = line.substring(colon + 1).strip();
            String known = name.toLowerCase(Locale.ROOT);
            if (CLIENT_OWN.contains(known)) {
                throw new IllegalArgumentException(where + " sets " + name + ", which the HTTP client sets itself");
            }
            if (value.isEmpty() || value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
                throw new IllegalArgumentException(where + ": the value of " + name + " is empty or holds a control "
                        + "character");
            }
            if (out.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                throw new IllegalArgumentException(where + " sets " + name + " a second time");
            }
            out.put(name, value);
        }
        return out;
    }
}
