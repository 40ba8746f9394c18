package dev.missioncontrol.agent;

/**
 * Which failures a step may survive. A stack overflow unwinds cleanly (a deep regex or recursion on odd input), so it
 * is treated like an exception: the tool or the step fails and the worker lives on. Other virtual machine errors (out
 * of memory, internal errors) leave the JVM in doubt, so nothing more is written: the worker walks away and the
 * session is resumed once its lease expires, as after a node that died, which counts as a crashed attempt.
 */
final class Crash {
    private Crash() {
    }

    static boolean recoverable(Throwable t) {
        return t instanceof Exception || t instanceof StackOverflowError || !(t instanceof VirtualMachineError);
    }

    /**
     * What a model can do about a tool's crash, or nothing. A stack overflow in a tool is nearly always a regular
     * expression with nested repeats run over long lines: told so, the model retries with a simpler pattern instead of
     * calling again with the same one.
     */
    static String advice(Throwable t) {
        return t instanceof StackOverflowError ? "; the pattern or input nests too deeply: try a simpler pattern "
                + "(fewer nested groups and repeats) or a narrower search" : "";
    }

    /**
     * What went wrong, for a timeline event or a tool result, which the API and the pages show: a refusal's own
     * message, the nesting of a stack overflow, and for anything else no class name or internals, only where to look.
     * Every caller logs the error itself with its stack trace.
     */
    static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "the stack overflowed";
        }
        if (t instanceof IllegalArgumentException && t.getMessage() != null && !t.getMessage().isBlank()) {
            return t.getMessage();
        }
        return "an internal error (the server's log has its details)";
    }
}
