package dev.missioncontrol;

import picocli.CommandLine;

/**
 * What a command that failed in a way no one foresaw prints: one line saying what went wrong, not a stack trace the
 * person at the terminal cannot act on. The trace is kept for whoever debugs it, with {@code MC_DEBUG=1}.
 */
final class UnexpectedFailure implements CommandLine.IExecutionExceptionHandler {
    /** Exit code of a command that failed unexpectedly, as picocli's own handler uses. */
    static final int EXIT = 1;

    private final boolean debug;

    UnexpectedFailure(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable cause = e.getCause() != null && e instanceof CommandLine.ExecutionException ? e.getCause() : e;
        command.getErr().println(command.getCommandName() + ": " + describe(cause)
                + (debug ? "" : " (set MC_DEBUG=1 for the details)"));
        if (debug) {
            cause.printStackTrace(command.getErr());
        }
        return EXIT;
    }

    static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return message.isBlank() ? "unexpected " + t.getClass().getSimpleName() : message;
    }
}
