package dev.missioncontrol.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A Retry-After header's wait (RFC 9110, section 10.2.3): whole seconds, or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait the header asks for, counted from {@code now} for a date (none for a date already past); empty when
     * the header is absent or unreadable, which is as good as none: the caller's own pause applies.
     */
    public static Optional<Duration> read(String header, Instant now) {
        String value = header == null ? "" : header.strip();
        try {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            if (!value.isEmpty()) {
                Duration left = Duration.between(now, ZonedDateTime.parse(value,
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(left.isNegative() ? Duration.ZERO : left);
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
