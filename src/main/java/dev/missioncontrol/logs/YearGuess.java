package dev.missioncontrol.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The year of a timestamp that omits it (syslog's {@code Dec 10 06:55:46}, klog's {@code I1210}): this year, unless
 * that puts the line more than a day in the future, when it is last year's. Read on the 2nd of January, December's
 * lines are from the December just gone, not eleven months ahead, where no deployment could precede them.
 */
record YearGuess(LocalDate today) {

    static YearGuess at(Instant now) {
        return new YearGuess(now.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** Always {@code year}: for logs known to be from one year, and for tests. */
    static YearGuess fixed(int year) {
        return new YearGuess(LocalDate.of(year, 12, 31));
    }

    int yearOf(int month, int day) {
        int year = today.getYear();
        try {
            return LocalDate.of(year, month, day).isAfter(today.plusDays(1)) ? year - 1 : year;
        } catch (DateTimeException e) {
            return year; // not a date (29 February in another year): the caller finds it invalid
        }
    }
}
