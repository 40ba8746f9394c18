package dev.missioncontrol.tools.logs;

/**
 * A line as the regex engine sees it, with a deadline: a pattern that backtracks catastrophically
 * ({@code (a+)+b}) reads characters endlessly, so reading them is where it is stopped.
 */
public final class GuardedText implements CharSequence {

    /** Thrown when the search has used its time. */
    public static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("search took too long", null, false, false);
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    public GuardedText(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadlineNanos) {
            throw new OutOfTime();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new GuardedText(text.substring(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text;
    }
}
