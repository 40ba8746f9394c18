package dev.missioncontrol.logs;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The zone abbreviations loggers write after a time ({@code 13:00:00 CEST}, PostgreSQL's {@code %m}, date(1)), each
 * read as the fixed offset it stands for: a summer abbreviation names the summer offset, so no zone rules are needed.
 */
final class ZoneNames {

    private static final Map<String, ZoneOffset> OFFSETS = Map.ofEntries(
            Map.entry("Z", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("HST", hours(-10)), Map.entry("AKST", hours(-9)), Map.entry("AKDT", hours(-8)),
            Map.entry("PST", hours(-8)), Map.entry("PDT", hours(-7)), Map.entry("MST", hours(-7)),
            Map.entry("MDT", hours(-6)), Map.entry("CDT", hours(-5)), Map.entry("EST", hours(-5)),
            Map.entry("EDT", hours(-4)), Map.entry("ADT", hours(-3)), Map.entry("BRT", hours(-3)),
            Map.entry("WET", hours(0)), Map.entry("WEST", hours(1)), Map.entry("CET", hours(1)),
            Map.entry("CEST", hours(2)), Map.entry("EET", hours(2)), Map.entry("EEST", hours(3)),
            Map.entry("SAST", hours(2)), Map.entry("MSK", hours(3)), Map.entry("PKT", hours(5)),
            Map.entry("WIB", hours(7)), Map.entry("HKT", hours(8)), Map.entry("SGT", hours(8)),
            Map.entry("AWST", hours(8)), Map.entry("JST", hours(9)), Map.entry("KST", hours(9)),
            Map.entry("ACST", ZoneOffset.ofHoursMinutes(9, 30)), Map.entry("ACDT", ZoneOffset.ofHoursMinutes(10, 30)),
            Map.entry("AEST", hours(10)), Map.entry("AEDT", hours(11)), Map.entry("NZST", hours(12)),
            Map.entry("NZDT", hours(13)));

    /**
     * Abbreviations that stand for more than one zone: CST is US Central (-6) or China (+8), IST India (+5:30),
     * Ireland (+1) or Israel (+2), BST British Summer (+1) or Bangladesh (+6), AST Atlantic (-4) or Arabia (+3).
     * Guessing would move a log by hours without a word, so their times are kept as times that name no zone: read in
     * the zone assumed for the log, and said to be.
     */
    private static final Set<String> AMBIGUOUS = Set.of("CST", "IST", "BST", "AST");

    /** The names, as alternatives of a pattern: the ambiguous ones too, so that none is taken for a component. */
    static final String PATTERN = Stream.concat(OFFSETS.keySet().stream(), AMBIGUOUS.stream()).sorted()
            .collect(Collectors.joining("|"));

    private ZoneNames() {
    }

    /** The offset {@code name} stands for, or null when it stands for several. */
    static ZoneOffset offset(String name) {
        return OFFSETS.get(name);
    }

    private static ZoneOffset hours(int hours) {
        return ZoneOffset.ofHours(hours);
    }
}
