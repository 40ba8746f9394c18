package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The zones a log's first lines name, whether some of its times name none, and the times it spans. Enough to tell a
 * log written with its offset ({@code [29/Nov/2026:21:40:07 +0100]}) from one of the same host written without it
 * (nginx's error log: {@code 2026/11/29 21:40:07 [error]}), whose times are then most likely in the same local zone,
 * unless read as UTC they already line up with the other logs. A log that interleaves both is placed by its own
 * lines: {@link ZoneOrder}.
 *
 * @param named   the offsets its times name
 * @param unnamed whether some of its times name no zone
 * @param first   its earliest time read (a time that names no zone read as UTC), or null
 * @param last    its latest time read, or null
 * @param order   where its times that name no zone stand among those that name one, in the lines read
 */
public record ZoneSurvey(Set<ZoneOffset> named, boolean unnamed, Instant first, Instant last, ZoneOrder order) {
    /** Lines enough to see a log's time format; a survey reads no further. */
    static final int LINES = 200;

    public ZoneSurvey {
        named = Set.copyOf(named);
    }

    /** Surveys the head of a log, and its tail for the times it spans (an empty reader when it has no other tail). */
    public static ZoneSurvey of(Reader head, Reader tail, Instant now) {
        Survey s = new Survey(new HeaderDetector(YearGuess.at(now)));
        s.read(head);
        s.read(tail);
        return new ZoneSurvey(s.named, s.unnamed, s.first, s.last, s.order);
    }

    /** Every time it carries names no zone. */
    public boolean namesNone() {
        return unnamed && named.isEmpty();
    }

    /**
     * How far its times lie from another span's, shifted by {@code shift}: zero when they overlap, null when either
     * has no time.
     */
    public Duration gap(Instant otherFirst, Instant otherLast, Duration shift) {
        if (first == null || otherFirst == null) {
            return null;
        }
        Instant from = first.plus(shift);
        Instant to = last.plus(shift);
        if (to.isBefore(otherFirst)) {
            return Duration.between(to, otherFirst);
        }
        return from.isAfter(otherLast) ? Duration.between(otherLast, from) : Duration.ZERO;
    }

    private static final class Survey {
        private final HeaderDetector detector;
        private final Set<ZoneOffset> named = new HashSet<>();
        private final ZoneOrder order = new ZoneOrder();
        private boolean unnamed;
        private Instant first;
        private Instant last;

        Survey(HeaderDetector detector) {
            this.detector = detector;
        }

        void read(Reader log) {
            try (BufferedReader in = new BufferedReader(log)) {
                String line;
                for (int read = 0; read < LINES && (line = in.readLine()) != null; read++) {
                    take(detector.detect(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            order.cut(); // the tail does not follow on from the head
        }

        private void take(LineFields fields) {
            if (fields.zone() != null) {
                named.add(fields.zone());
            }
            unnamed |= fields.zoneAssumed();
            order.take(fields);
            Instant at = fields.timestamp();
            if (at != null) {
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
    }
}
