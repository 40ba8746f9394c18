package dev.missioncontrol.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Times on the wire. Written always with milliseconds ({@code 2026-01-15T10:30:00.000Z}): Instant's own text drops
 * a zero fraction, so one time in a thousand came without one and a client reading a fixed format failed on it.
 * Read as clients write it: RFC 3339 (a space may stand for the T), which allows only the years 0000 to 9999. Java
 * reads far wider years ({@code +999999999-12-31T23:59:59Z}), which do not fit the epoch milliseconds every store
 * keeps, so those are refused here like any other malformed time.
 */
public final class WireTime {
    private static final int FIRST_YEAR = 0;
    private static final int LAST_YEAR = 9999;

    /** RFC 3339 (5.6) lets a space stand for the T between date and time "for the sake of readability". */
    private static final Pattern SPACE_FOR_T = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (?=\\d{2}:\\d{2}:)");

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    /** The instant as the API writes every time; null for null. */
    public static String format(Instant t) {
        return t == null ? null : WRITTEN.format(t);
    }

    /** The instant, or empty when the text is not an RFC 3339 time in the years 0000 to 9999. */
    public static Optional<Instant> parse(String text) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(SPACE_FOR_T.matcher(text.strip()).replaceFirst("$1T"));
            return t.getYear() < FIRST_YEAR || t.getYear() > LAST_YEAR ? Optional.empty() : Optional.of(t.toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
