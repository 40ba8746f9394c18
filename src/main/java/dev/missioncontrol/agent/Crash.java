package dev.missioncontrol.agent;

/**
 * Which failures a step may survive. A stack overflow unwinds cleanly (a deep regex or recursion on odd input), so it
 * is treated like an exception: the tool or the step fails and the worker lives on. Other virtual machine errors (out
 * of memory, internal errors) leave the JVM in doubt, so they are only logged and the session retried later, uncounted.
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

    /** The error's class and message, for a timeline event or a tool result. */
    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
