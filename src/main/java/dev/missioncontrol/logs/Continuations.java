package dev.missioncontrol.logs;

import java.util.regex.Pattern;

/**
 * Decides whether a line continues the event above it rather than starting one: stack frames, "Caused by:",
 * Python tracebacks, indented detail. Everything else starts a new event, so a log without traces reads
 * one event per line.
 */
final class Continuations {

    /**
     * The line that names the exception after a traceback or on its own line: {@code java.io.IOException: x}, and the
     * bare {@code java.lang.Exception: x} a connection pool's leak warning prints; not a bare {@code Error: x}, which
     * plain logs repeat line after line.
     */
    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "(?:([a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*|([a-zA-Z_$][\\w$]*\\.)+)(Exception|Error|Throwable|Exit|Interrupt)"
                    + "(: .*|:)?");
    private static final String TRACEBACK = "Traceback (most recent call last)";
    /**
     * The line that ends a Python traceback, at the margin below its frames: the exception's name, dotted or not,
     * and its message. Many names end in neither Error nor Exception ({@code requests.exceptions.ConnectTimeout},
     * {@code socket.timeout}, {@code StopIteration}).
     */
    private static final Pattern TRACEBACK_END = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*(?:: .*|:)?");
    /** Go's runtime ending a program: {@code panic: runtime error: …}, {@code fatal error: concurrent map writes}. */
    private static final Pattern GO_PANIC = Pattern.compile("(?:^|\\s)(?:panic|fatal error): ");
    /**
     * The lines of a Go panic's trace that start at the margin: each goroutine's header, its calls
     * ({@code main.(*Orders).Place(0x0, {0xc000120000, 0x24})}, {@code net/http.HandlerFunc.ServeHTTP(…)}), and
     * {@code created by …}; the file lines under the calls are indented.
     */
    private static final Pattern GO_TRACE = Pattern.compile("goroutine \\d+ \\[[^]]*]:|created by \\S.*"
            + "|\\[signal \\S.*|panic\\(.*\\)|(?:[\\w.-]+/)*[\\w-]+\\.\\S*\\(.*\\)");

    private Continuations() {
    }

    static boolean continues(String line, boolean previousIsTrace) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        // a traceback after an error is its detail (logging.exception); after anything else Python printed it on
        // its own, an exception nobody logged, and it starts an event of its own
        return line.startsWith("Caused by:") || line.startsWith("Suppressed:") || line.startsWith("...")
                || previousIsTrace && (line.startsWith(TRACEBACK) || namesException(line)
                || GO_TRACE.matcher(line).matches());
    }

    /** Whether the line ends a Go program, whose goroutines follow after a blank line. */
    static boolean opensGoPanic(String line) {
        // a cheap look first: every event's first line is asked
        return (line.contains("panic: ") || line.contains("fatal error: ")) && GO_PANIC.matcher(line).find();
    }

    /** Whether the line heads one goroutine's part of a Go panic's trace. */
    static boolean headsGoroutine(String line) {
        return line.startsWith("goroutine ") && GO_TRACE.matcher(line).matches();
    }

    /**
     * Whether the line is Python's sentence between the tracebacks of chained exceptions: "During handling of the
     * above exception, another exception occurred:" or "The above exception was the direct cause of the following
     * exception:". The exception that escaped comes last; the first is what went wrong to begin with.
     */
    static boolean chainsTraceback(String line) {
        return line.equals("During handling of the above exception, another exception occurred:")
                || line.equals("The above exception was the direct cause of the following exception:");
    }

    /** Whether the line is Python's header of a printed exception. */
    static boolean opensTraceback(String line) {
        return line.startsWith(TRACEBACK);
    }

    /** Whether the line, read inside a Python traceback after its frames, is the exception line that ends it. */
    static boolean endsTraceback(String line) {
        return TRACEBACK_END.matcher(line).matches();
    }

    /** Whether the line names an exception on its own: {@code app.db.DatabaseError: connection lost}. */
    static boolean namesException(String line) {
        return EXCEPTION_LINE.matcher(line).matches();
    }

    /** True when the text just read looks like part of a trace, so a bare exception name may follow it. */
    static boolean isTrace(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith("at ") || stripped.startsWith("File \"") || line.startsWith("Traceback")
                || stripped.startsWith("Caused by:") || line.contains("Exception") || line.contains("Error");
    }
}
