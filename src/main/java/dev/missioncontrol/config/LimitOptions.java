package dev.missioncontrol.config;

import java.util.List;
import picocli.CommandLine.Option;

/** The request limits of serve: how large a body may be, and how fast one key may write (API.md's defaults). */
public final class LimitOptions {
    /** Bodies are read into memory whole (logs pasted as context are parsed at once), so a gigabyte is the most. */
    static final long MOST_BODY = 1L << 30;
    static final long LEAST_BODY = 1L << 10;
    static final int MOST_WRITES = 1_000_000;

    @Option(names = "--max-body", defaultValue = "${env:MC_MAX_BODY:-1MiB}",
            description = "Largest request body after decompression (MC_MAX_BODY, default 1MiB).")
    String maxBody;

    @Option(names = "--max-session-body", defaultValue = "${env:MC_MAX_SESSION_BODY:-64MiB}",
            description = "Largest body of POST /api/v1/agent-sessions/, which carries pasted logs "
                    + "(MC_MAX_SESSION_BODY, default 64MiB).")
    String maxSessionBody;

    @Option(names = "--writes-per-minute", defaultValue = "${env:MC_WRITES_PER_MINUTE:-600}",
            description = "Writes a minute per API key on this node; reads get ten times as many "
                    + "(MC_WRITES_PER_MINUTE, default 600).")
    int writesPerMinute;

    @Option(names = "--write-burst", defaultValue = "${env:MC_WRITE_BURST:-100}",
            description = "Writes a key may make at once before the per-minute rate applies (MC_WRITE_BURST, "
                    + "default 100).")
    int writeBurst;

    @Option(names = "--max-waiting-sessions", defaultValue = "${env:MC_MAX_WAITING_SESSIONS:-"
            + AppConfig.Limits.DEFAULT_MAX_WAITING_SESSIONS + "}",
            description = "Investigations an organization may have waiting for a worker; beyond it a new one is "
                    + "refused with 429 (MC_MAX_WAITING_SESSIONS, default 1000).")
    int maxWaitingSessions;

    /** The limits these flags give, with the reverse proxies whose forwarded addresses are believed. */
    public AppConfig.Limits limits(List<String> trustedProxies) {
        long body = size("--max-body", maxBody);
        long sessionBody = size("--max-session-body", maxSessionBody);
        if (sessionBody < body) {
            throw new BadSetting("--max-session-body", ByteSize.format(sessionBody) + " must be at least --max-body ("
                    + ByteSize.format(body) + ")");
        }
        return new AppConfig.Limits(body, sessionBody, count("--writes-per-minute", writesPerMinute),
                count("--write-burst", writeBurst), trustedProxies,
                count("--max-waiting-sessions", maxWaitingSessions));
    }

    private static long size(String flag, String text) {
        long bytes = BadSetting.read(flag, text, ByteSize::parse);
        if (bytes < LEAST_BODY || bytes > MOST_BODY) {
            throw new BadSetting(flag, "must be from 1KiB to 1GiB, not " + text);
        }
        return bytes;
    }

    private static int count(String flag, int n) {
        if (n < 1 || n > MOST_WRITES) {
            throw new BadSetting(flag, "must be from 1 to " + MOST_WRITES + ", not " + n);
        }
        return n;
    }
}
