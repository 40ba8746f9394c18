package dev.missioncontrol.agent.llm;

import dev.missioncontrol.agent.Redactor;

/** The redacted head of a text of any length, for the timeline or the log. */
final class Excerpt {
    private Excerpt() {
    }

    /**
     * At most {@code max} characters, redacted, and a note of the cut. Only a head is redacted: the text can run to
     * megabytes, and what is kept lies far inside that head.
     */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String masked = Redactor.redact(text.substring(0, Math.min(text.length(), 8 * max)));
        return text.length() <= max ? masked : masked.substring(0, Math.min(masked.length(), max))
                + "… [cut from " + text.length() + " characters]";
    }
}
