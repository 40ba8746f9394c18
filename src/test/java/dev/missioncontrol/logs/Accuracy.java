package dev.missioncontrol.logs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The two Loghub accuracy measures, as defined in the logparser and Loghub-2.0 evaluators.
 * GA: a line is right only when its parsed group holds exactly the lines of its true group.
 * PA: a line is right when its parsed template text equals the true template text.
 */
final class Accuracy {

    private Accuracy() {
    }

    /** Both maps are keyed by LineId; lines whose truth is absent are not counted. */
    static double grouping(Map<Integer, String> truth, Map<Integer, ?> parsed) {
        Map<Object, Set<String>> truthsPerGroup = new HashMap<>();
        Map<Object, Integer> groupSize = new HashMap<>();
        Map<String, Integer> truthSize = new HashMap<>();
        for (var line : truth.entrySet()) {
            Object group = parsed.get(line.getKey());
            truthsPerGroup.computeIfAbsent(group, g -> new HashSet<>()).add(line.getValue());
            groupSize.merge(group, 1, Integer::sum);
            truthSize.merge(line.getValue(), 1, Integer::sum);
        }
        long correct = 0;
        for (var group : truthsPerGroup.entrySet()) {
            Set<String> truths = group.getValue();
            int size = groupSize.get(group.getKey());
            if (truths.size() == 1 && truthSize.get(truths.iterator().next()) == size) {
                correct += size;
            }
        }
        return (double) correct / truth.size();
    }

    static double parsing(Map<Integer, String> truthTemplates, Map<Integer, String> parsedTemplates) {
        long same = truthTemplates.entrySet().stream()
                .filter(line -> line.getValue().equals(parsedTemplates.get(line.getKey())))
                .count();
        return (double) same / truthTemplates.size();
    }
}
