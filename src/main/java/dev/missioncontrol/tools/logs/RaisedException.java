package dev.missioncontrol.tools.logs;

/**
 * What a logged error's stack trace says was raised, when its own message does not: {@code job 42 failed} over a
 * Python traceback that ends in {@code requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com')},
 * or a Java trace whose root is its last {@code Caused by:}. The cause a person looks for is there, not in the message.
 */
final class RaisedException {
    private static final String TRACEBACK = "Traceback (most recent call last)";
    private static final String CAUSED_BY = "Caused by: ";

    private RaisedException() {
    }

    /** The exception line of the event's trace (its root cause, for a Java trace), or null when it has none. */
    static String in(String event) {
        String[] lines = event.split("\n");
        String raised = null;
        boolean traceback = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            boolean margin = !line.isBlank() && !Character.isWhitespace(line.charAt(0));
            if (line.startsWith(TRACEBACK)) {
                traceback = true;
            } else if (traceback && margin) {
                raised = line; // Python prints the exception below the frames; a chained traceback's last one wins
                traceback = false;
            } else if (line.stripLeading().startsWith(CAUSED_BY)) {
                raised = line.stripLeading().substring(CAUSED_BY.length());
            } else if (raised == null && margin && ProblemSigns.exception(line) != null) {
                raised = line;
            }
        }
        return raised == null ? null : raised.strip();
    }
}
