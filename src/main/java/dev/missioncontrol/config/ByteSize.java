package dev.missioncontrol.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size as operators write it: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB}. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /** The size in bytes; an IllegalArgumentException naming the accepted forms for anything else. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text + " (use e.g. 1048576, 512KiB, 64MiB or 1GiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "kib" -> n << 10;
            case "mib" -> n << 20;
            case "gib" -> n << 30;
            default -> n;
        };
    }

    /** For messages: "64 MiB", "512 KiB", "1000 bytes". */
    public static String format(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes % (1L << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
