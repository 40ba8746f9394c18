package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lines of one message shape ending in six random lowercase words, as a log of free-text failures reads: no two
 * share enough words to join one template, and all fall in the same leaf of the miner's tree.
 */
final class RandomTailLines {

    private RandomTailLines() {
    }

    static List<String> of(int count) {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder("2025-06-15T13:00:00Z ERROR request failed");
            for (int w = 0; w < 6; w++) {
                line.append(' ');
                for (int c = 0; c < 6; c++) {
                    line.append((char) ('a' + random.nextInt(26)));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
