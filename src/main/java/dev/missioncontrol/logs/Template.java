package dev.missioncontrol.logs;

/**
 * One mined template: the message shape with {@code <*>} where lines differed, and how many lines it took.
 * The miner widens the tokens as more lines join; the id never changes. A catch-all template holds the lines
 * that fit none of the templates of an already full tree leaf: its wildcards hide words that did differ.
 */
public final class Template {

    private final int id;
    private final String[] tokens;
    private final boolean catchAll;
    private long count;

    Template(int id, String[] tokens, boolean catchAll) {
        this.id = id;
        this.tokens = tokens;
        this.catchAll = catchAll;
    }

    public int id() {
        return id;
    }

    public long count() {
        return count;
    }

    /** True when the lines were grouped because the miner's per-leaf template limit was reached, not by likeness. */
    public boolean catchAll() {
        return catchAll;
    }

    public String text() {
        return String.join(" ", tokens);
    }

    int length() {
        return tokens.length;
    }

    String token(int i) {
        return tokens[i];
    }

    /** Counts the line in and turns every position where it disagrees into a wildcard. */
    void absorb(String[] message) {
        count++;
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].equals(message[i])) {
                tokens[i] = widen(tokens[i], message[i]);
            }
        }
    }

    /** {@code user=root} and {@code user=guest} become {@code user=<*>}: the field name is still constant. */
    private static String widen(String mine, String theirs) {
        int equals = mine.indexOf('=');
        if (equals > 0 && mine.regionMatches(0, theirs, 0, equals + 1)) {
            return mine.substring(0, equals + 1) + VariableMasker.WILDCARD;
        }
        return VariableMasker.WILDCARD;
    }

    @Override
    public String toString() {
        return "E" + id + " x" + count + (catchAll ? " catch-all " : " ") + text();
    }
}
