package dev.missioncontrol.store;

/** The only place SQLite and PostgreSQL differ. Everything else is portable SQL. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRES("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL (use postgresql://… or sqlite:…): " + jdbcUrl);
    }

    /** Vendor-specific migrations run after the common set; Flyway does not expand {vendor} itself. */
    public String vendorMigrations() {
        return "classpath:db/" + migrationFolder;
    }

    /**
     * Row locking for work claims. PostgreSQL lets nodes skip rows another node holds; SQLite has one writer at a time
     * (every write transaction is BEGIN IMMEDIATE), so the clause is not needed there.
     */
    public String skipLocked() {
        return this == POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Locks the selected rows until commit; SQLite's single writer already serializes write transactions. */
    public String forUpdate() {
        return this == POSTGRES ? " FOR UPDATE" : "";
    }

    /**
     * The time, in epoch milliseconds, that leases and other claims that run out are written in and read against. PostgreSQL nodes share
     * the database's clock, since theirs may disagree by minutes: read against its own clock, a node running ahead
     * would take live leases and one running behind would never take over a dead one. SQLite has a single node, whose
     * clock the caller binds as {@code :now}, so tests can move it.
     */
    public String leaseNow() {
        return this == POSTGRES ? "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000 AS BIGINT)" : ":now";
    }

    public boolean isPostgres() {
        return this == POSTGRES;
    }
}
