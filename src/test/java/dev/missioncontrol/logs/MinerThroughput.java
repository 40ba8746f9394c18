package dev.missioncontrol.logs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of {@link LogDigest} (reader + miner + tallies) on a large synthetic log made by repeating the
 * Loghub lines with their numbers perturbed, generated on the fly so the input never sits in memory.
 * Usage: {@code MinerThroughput MEGABYTES LOGHUB_DIR}.
 */
public final class MinerThroughput {

    private MinerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = Long.parseLong(args[0]) * 1024 * 1024;
        List<String> lines = new ArrayList<>();
        for (var system : LoghubSystems.in(Path.of(args[1]))) {
            lines.addAll(Files.readAllLines(system.log()));
        }
        LogDigest.analyze(new SyntheticLog(lines, 5L * 1024 * 1024, 7)); // warm-up so the JIT has compiled
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        LogAnalysis analysis = LogDigest.analyze(new SyntheticLog(lines, bytes, 42));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d MB, %,d lines, %,d templates in %.2f s: %,.0f lines/s, %.1f MB/s, "
                + "peak heap %.0f MB (-Xmx %d MB)%n", args[0].length() > 0 ? Long.parseLong(args[0]) : 0,
                analysis.lines(), analysis.templates().size(), seconds, analysis.lines() / seconds,
                bytes / 1048576.0 / seconds, peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Loghub lines in random order, each digit replaced at random, until the byte budget is used. */
    static final class SyntheticLog extends Reader {
        private final List<String> lines;
        private final Random random;
        private long remaining;
        private Reader current = new StringReader("");

        SyntheticLog(List<String> lines, long bytes, long seed) {
            this.lines = lines;
            this.remaining = bytes;
            this.random = new Random(seed);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = current.read(buffer, offset, length);
            while (read < 0 && remaining > 0) {
                current = new StringReader(perturb(lines.get(random.nextInt(lines.size()))) + "\n");
                read = current.read(buffer, offset, length);
            }
            remaining -= Math.max(read, 0);
            return read;
        }

        private String perturb(String line) {
            char[] chars = line.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (Character.isDigit(chars[i]) && random.nextInt(3) == 0) {
                    chars[i] = (char) ('0' + random.nextInt(10));
                }
            }
            return new String(chars);
        }

        @Override
        public void close() {
        }
    }
}
