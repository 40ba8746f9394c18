package dev.missioncontrol.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the timestamp a log line starts with. Times without a zone, or with a zone name that stands for several
 * ({@link ZoneNames}), are read as UTC; times without a year (syslog) take the year {@link YearGuess} gives them.
 */
final class Timestamps {

    /**
     * Where a timestamp was found: the instant, the index just past it, and the zone the text named, or null when it
     * named none or one that stands for several (the instant is then the time read as UTC).
     */
    record Found(Instant instant, int end, ZoneOffset zone) {
        boolean zoned() {
            return zone != null;
        }
    }

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2200;
    static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    /**
     * A time of day, on a 12-hour clock when AM or PM follows it as a word of its own: the "pm" of a host named
     * pm-web01 after the time is no marker.
     */
    private static final String TIME = "(?<h>\\d{1,2}):(?<mi>\\d{2}):(?<s>\\d{2})(?:[.,:](?<f>\\d{1,9}))?"
            + "(?:\\s?(?<half>[AaPp][Mm])(?=\\s|$|[\\]),]))?";
    /** A zone's name, whole: the Z of "13:00:00 Zookeeper" names none. */
    private static final String NAMED = "(?:" + ZoneNames.PATTERN + ")(?!\\w)";
    /**
     * The zone after an ISO time: an offset or a name, or an offset of whole hours written straight after the time
     * (13:00:00-07), from -14 to +14 as zones go. Apart from the time a bare -07 may be anything, a count or a range's
     * end, so it is not read.
     */
    private static final String ZONE = "(?:(?<zh>[+-](?:0\\d|1[0-4]))(?![\\d:])|\\s?(?<z>[+-]\\d{2}:?\\d{2}|" + NAMED
            + "))?";
    private static final Pattern CLOCK = Pattern.compile(TIME + "(?=\\s)");
    private static final List<Pattern> SHAPES = List.of(
            // ISO 8601 / RFC 3339 and the log4j variant with a space and comma millis
            Pattern.compile("(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})[T ]" + TIME + ZONE),
            Pattern.compile("(?<y>\\d{4})/(?<mo>\\d{2})/(?<d>\\d{2})[T ]" + TIME + ZONE),
            Pattern.compile("(?<y2>\\d{2})/(?<mo>\\d{2})/(?<d>\\d{2}) " + TIME),
            // the dotted form some mainframe and database loggers write: 2005-06-03-15.42.50.675872
            Pattern.compile("(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})-(?<h>\\d{2})\\.(?<mi>\\d{2})\\.(?<s>\\d{2})"
                    + "(?:\\.(?<f>\\d{1,9}))?"),
            // compact date, dash, then the time, each part unpadded and millis after a colon as a plain count:
            // 20171223-22:15:29:606, and 20171224-0:28:0:83 a few minutes after midnight
            Pattern.compile("(?<y>\\d{4})(?<mo>\\d{2})(?<d>\\d{2})-(?<h>\\d{1,2}):(?<mi>\\d{1,2}):(?<s>\\d{1,2})"
                    + "(?::(?<ms>\\d{1,3}))?(?!\\d)"),
            // access logs: 10/Oct/2000:13:55:36 -0700
            Pattern.compile("(?<d>\\d{2})/(?<mon>" + MONTHS + ")/(?<y>\\d{4}):" + TIME + ZONE),
            // Tomcat's catalina.out and java.util.logging's OneLineFormatter: 30-Nov-2026 13:16:02.456
            Pattern.compile("(?<d>\\d{2})-(?<mon>" + MONTHS + ")-(?<y>\\d{4}) " + TIME + ZONE),
            // syslog: Jun 14 15:16:01, optionally with the year after the day (java.util.logging's default puts a
            // comma before it: Nov 30, 2026 1:16:02 PM); date(1) writes the year after the zone instead
            // (Fri Jul 11 13:23:24 UTC 2025)
            Pattern.compile("(?<mon>" + MONTHS + ")\\s+(?<d>\\d{1,2})(?:,?\\s+(?<y>\\d{4}))?\\s+" + TIME
                    + "(?:\\s(?<z>" + NAMED + "|[+-]\\d{2}:?\\d{2})(?:\\s(?<ya>\\d{4})(?!\\d))?)?"));

    /**
     * Shapes of bare numbers that ordinary text also holds ("copied 120512 101010 rows"), read only where a line
     * starts: HDFS and other Hadoop-era loggers' 081109 203615 (yyMMdd HHmmss), and Android logcat's 03-17
     * 16:13:38.811, which has no year.
     */
    private static final List<Pattern> LEADING_SHAPES = List.of(
            Pattern.compile("(?<y2>\\d{2})(?<mo>\\d{2})(?<d>\\d{2}) (?<h>\\d{2})(?<mi>\\d{2})(?<s>\\d{2})(?!\\d)"),
            Pattern.compile("(?<mo>\\d{2})-(?<d>\\d{2}) " + TIME + "(?!\\d)"));

    private Timestamps() {
    }

    /** The timestamp starting exactly at {@code from}, or null; {@code leading} when nothing but space precedes it. */
    static Found at(String line, int from, YearGuess years, boolean leading) {
        if (from >= line.length() || !Character.isLetterOrDigit(line.charAt(from))) {
            return null;
        }
        if (leading) {
            Found found = first(LEADING_SHAPES, line, from, years);
            if (found != null) {
                return found;
            }
        }
        // month names start with a letter, every other shape with a digit: skip the shapes that cannot match
        boolean letter = Character.isLetter(line.charAt(from));
        return first(letter ? SHAPES.subList(SHAPES.size() - 1, SHAPES.size())
                : SHAPES.subList(0, SHAPES.size() - 1), line, from, years);
    }

    /**
     * The end of a time of day standing alone at {@code from}, or -1: Logback's console default writes no date
     * ({@code 13:00:06.123 [main] ERROR com.acme.Pay - ...}), yet the time still opens the header.
     */
    static int clockEnd(String line, int from) {
        Matcher m = CLOCK.matcher(line).region(from, line.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static Found first(List<Pattern> shapes, String line, int from, YearGuess years) {
        for (Pattern shape : shapes) {
            Matcher m = shape.matcher(line).region(from, line.length());
            if (m.lookingAt()) {
                Found found = found(m, years);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Found found(Matcher m, YearGuess years) {
        try {
            int month = month(m);
            LocalDateTime local = LocalDateTime.of(year(m, years, month), month, Integer.parseInt(m.group("d")),
                    hour(m), Integer.parseInt(m.group("mi")), Integer.parseInt(m.group("s")),
                    group(m, "ms") != null ? Integer.parseInt(m.group("ms")) * 1_000_000 : nanos(group(m, "f")));
            ZoneOffset zone = zone(m);
            // year 0000 or 1900 is a placeholder or a broken clock, and would date the incident centuries back
            return local.getYear() < FIRST_YEAR || local.getYear() > LAST_YEAR ? null
                    : new Found(local.toInstant(zone == null ? ZoneOffset.UTC : zone), m.end(), zone);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // looked like a time but is not one (month 13, hour 25): treat the line as untimed
        }
    }

    /** The hour on a 24-hour clock: 12 AM is midnight, 1 PM is 13. */
    private static int hour(Matcher m) {
        int hour = Integer.parseInt(m.group("h"));
        String half = group(m, "half");
        if (half == null || hour < 1 || hour > 12) {
            return hour; // "13:00:00 PM": a 24-hour clock that adds the marker anyway, which then says nothing
        }
        boolean pm = half.equalsIgnoreCase("PM");
        return hour % 12 + (pm ? 12 : 0);
    }

    private static int year(Matcher m, YearGuess years, int month) {
        String y = group(m, "y") != null ? group(m, "y") : group(m, "ya");
        if (y != null) {
            return Integer.parseInt(y);
        }
        String twoDigits = group(m, "y2");
        return twoDigits != null ? 2000 + Integer.parseInt(twoDigits)
                : years.yearOf(month, Integer.parseInt(m.group("d")));
    }

    private static int month(Matcher m) {
        String name = group(m, "mon");
        if (name == null) {
            return Integer.parseInt(m.group("mo"));
        }
        return MONTHS.toLowerCase(Locale.ROOT).indexOf(name.toLowerCase(Locale.ROOT)) / 4 + 1;
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String padded = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(padded);
    }

    /** The zone the time names, or null when it names none or a name that stands for several zones. */
    private static ZoneOffset zone(Matcher m) {
        String hours = group(m, "zh");
        if (hours != null) {
            return ZoneOffset.ofHours(Integer.parseInt(hours));
        }
        String zone = group(m, "z");
        if (zone == null) {
            return null;
        }
        if (Character.isLetter(zone.charAt(0))) {
            return ZoneNames.offset(zone);
        }
        return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }

    /** A named group that a shape may not define. */
    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException absent) {
            return null;
        }
    }
}
