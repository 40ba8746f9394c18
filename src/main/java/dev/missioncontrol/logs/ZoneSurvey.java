package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The zones a log's first lines name, and whether some of its times name none. Enough to tell a log written with its
 * offset ({@code [29/Nov/2026:21:40:07 +0100]}) from one of the same host written without it (nginx's error log:
 * {@code 2026/11/29 21:40:07 [error]}), whose times are then most likely in the same local zone.
 *
 * @param named   the offsets its times name
 * @param unnamed whether some of its times name no zone
 */
public record ZoneSurvey(Set<ZoneOffset> named, boolean unnamed) {
    /** Lines enough to see a log's time format; a survey reads no further. */
    static final int LINES = 200;

    public ZoneSurvey {
        named = Set.copyOf(named);
    }

    public static ZoneSurvey of(Reader log, Instant now) {
        HeaderDetector detector = new HeaderDetector(YearGuess.at(now));
        Set<ZoneOffset> named = new HashSet<>();
        boolean unnamed = false;
        try (BufferedReader in = new BufferedReader(log)) {
            String line;
            for (int read = 0; read < LINES && (line = in.readLine()) != null; read++) {
                LineFields fields = detector.detect(line);
                if (fields.zone() != null) {
                    named.add(fields.zone());
                }
                unnamed |= fields.zoneAssumed();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ZoneSurvey(named, unnamed);
    }

    /** Every time it carries names no zone. */
    public boolean namesNone() {
        return unnamed && named.isEmpty();
    }
}
