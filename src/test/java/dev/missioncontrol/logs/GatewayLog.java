package dev.missioncontrol.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One source that interleaves three time formats, as a gateway's container log does: nginx's access lines in
 * +01:00, the application's lines in naive local time, and a health checker's JSON lines in UTC.
 */
public final class GatewayLog {
    /** When the first 502 is answered. */
    public static final Instant START = Instant.parse("2026-11-30T20:04:00Z");
    public static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);
    private static final DateTimeFormatter ACCESS_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private GatewayLog() {
    }

    /**
     * {@code calls} calls five seconds apart from {@link #START}, each a 502 followed by the application's error
     * that caused it, written in {@code appZone} without naming it, a fraction of a second later.
     */
    public static String of(ZoneOffset appZone, int calls) {
        StringBuilder log = new StringBuilder();
        Instant at = START;
        for (int i = 0; i < calls; i++, at = at.plusSeconds(5)) {
            log.append("10.0.4.%d - - [%s +0100] \"POST /api/partner/quote HTTP/1.1\" 502 260 \"-\" \"shop-web/5.0\"\n"
                    .formatted(i % 250, ACCESS_TIME.format(at.atOffset(PLUS_ONE))));
            log.append("%s,392 ERROR [upstream-tls] gateway.proxy - TLS handshake with partner-api.example.com:443 "
                    .formatted(APP_TIME.format(at.atOffset(appZone))) + "failed: x509: certificate has expired\n");
            if (i % 10 == 0) {
                log.append("{\"time\": \"%s\", \"level\": \"INFO\", \"msg\": \"health check ok\"}\n".formatted(at));
            }
        }
        return log.toString();
    }
}
