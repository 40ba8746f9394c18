package dev.missioncontrol.logs;

/**
 * Shortens text for keeping or showing, between words. Text is redacted when it is shown, and a secret cut in two (a
 * 20-character AWS key cut to 16, a JWT without its signature) is no longer recognised, so a cut must not fall inside
 * a word where it can be avoided. Text with no whitespace before the bound is cut at the bound.
 */
public final class WordCut {
    private WordCut() {
    }

    public static String atMost(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = max;
        while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
            space--;
        }
        return text.substring(0, space > 0 ? space : max);
    }
}
