package dev.missioncontrol.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Turns what people type ({@code postgresql://user:pw@host/db}, {@code sqlite:/path}, or a JDBC URL) into a JDBC URL
 * plus credentials, because the PostgreSQL driver does not read credentials from the URL's authority.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    /**
     * How long the PostgreSQL driver waits to log in. Its default waits for ever, and a database that falls silent
     * (a failover, a network cut, a frozen host) leaves a login it had begun waiting the quarter hour TCP takes to
     * give up, or for ever without TLS: the pool opens connections one at a time, so the node stayed unready long
     * after the database was back. A parameter of the same name in the URL overrides it.
     */
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a PostgreSQL statement waits for the database's answer. A statement in flight when the database falls
     * silent (a failover moving its address, a network cut) otherwise waits the quarter hour TCP takes to give up,
     * holding its connection and its thread: readiness probes and session steps piled up on the dead connections
     * and kept the pool from the live database. No statement of the server's takes a fraction of this; migrations,
     * which may, run without it ({@link Database}). A parameter of the same name in the URL overrides it.
     */
    static final Duration STATEMENT_ANSWER = Duration.ofSeconds(60);
    /**
     * How long PostgreSQL keeps a transaction whose client has gone quiet. A node cut off in the middle of one left
     * its row locks held until the database's TCP keepalive noticed, two hours by default, and every other node's
     * deploy to that project waited on them. The server's transactions never pause between statements; a URL's
     * {@code options} parameter replaces this.
     */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(60);

    public static DatabaseUrl resolve(String url, Path dataDir) {
        if (url == null || url.isBlank()) {
            return new DatabaseUrl("jdbc:sqlite:" + dataDir.resolve("missioncontrol.db").toAbsolutePath(), null, null);
        }
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (url.startsWith("sqlite:")) {
            return new DatabaseUrl("jdbc:" + url, null, null);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromPostgresUri(URI.create(url));
        }
        throw new IllegalArgumentException("unsupported database URL (use postgresql://… or sqlite:…): " + url);
    }

    private static DatabaseUrl fromPostgresUri(URI uri) {
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    /** The SQLite database's file; only for an SQLite URL. */
    public Path sqliteFile() {
        return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceAll("\\?.*$", ""));
    }

    /** The credentials and timeouts a PostgreSQL connection is opened with; the URL's own parameters win. */
    public Properties driverProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("loginTimeout", Long.toString(LOGIN_TIMEOUT.toSeconds()));
        p.setProperty("socketTimeout", Long.toString(STATEMENT_ANSWER.toSeconds()));
        p.setProperty("options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION.toMillis());
        p.setProperty("ApplicationName", "missioncontrol"); // how pg_stat_activity lists the server's connections
        return p;
    }

    /** As {@link #driverProperties()}, without a bound on a statement's answer: a migration may take its time. */
    public Properties migrationProperties() {
        Properties p = driverProperties();
        p.remove("socketTimeout");
        return p;
    }

    /** The URL without credentials, for logs. */
    public String display() {
        return jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }
}
