package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.List;

/** Splits a message at runs of whitespace; done by hand because a regex split dominated mining time. */
final class Words {

    private Words() {
    }

    static List<String> split(String message) {
        List<String> words = new ArrayList<>();
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(message.substring(start, i));
            }
        }
        return words;
    }
}
