package dev.missioncontrol.logs;

import java.util.List;
import java.util.Locale;

/**
 * Time to mine lines that all fall in one leaf of the miner's tree and fit none of each other's templates
 * ({@link RandomTailLines}): the worst case of comparing each line with the leaf's templates.
 * Run with {@code bench/loghub.sh --crowded [LINES]}.
 */
public final class CrowdedLeafBenchmark {

    private CrowdedLeafBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        mine(RandomTailLines.of(5_000)); // warm-up so the JIT has compiled
        List<String> lines = RandomTailLines.of(count);
        long start = System.nanoTime();
        TemplateMiner miner = mine(lines);
        double seconds = (System.nanoTime() - start) / 1e9;
        long loose = miner.templates().stream().filter(Template::catchAll).mapToLong(Template::count).sum();
        System.out.printf(Locale.ROOT, "%,d lines, %,d templates (%,d lines in catch-all templates) in %.2f s:"
                + " %,.0f lines/s%n", count, miner.templates().size(), loose, seconds, count / seconds);
    }

    private static TemplateMiner mine(List<String> lines) {
        TemplateMiner miner = new TemplateMiner();
        lines.forEach(miner::add);
        return miner;
    }
}
