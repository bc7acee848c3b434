package org.laymanlabs.sandbox.container.program;

import java.util.OptionalInt;

/**
 * Mirrors kubernetes build/pause/linux/pause.c: the pod sandbox's PID 1. It holds the pod's
 * namespaces and does nothing else; SIGINT and SIGTERM end it with status 0 after psignal's
 * line, as its sigdown handler does.
 */
final class Pause implements Program {

    static final String VERSION = "3.10";

    @Override
    public Process start(ProcessContext context) {
        if (context.argv().contains("-v")) {
            context.stdout("pause.c v" + VERSION);
            context.exit(0);
            return Process.IGNORES_SIGNALS;
        }
        return signal -> switch (signal) {
            case SIGINT -> down(context, "Interrupt");
            case SIGTERM -> down(context, "Terminated");
            default -> OptionalInt.empty();
        };
    }

    private static OptionalInt down(ProcessContext context, String description) {
        context.stderr("Shutting down, got signal: " + description);
        return OptionalInt.of(0);
    }
}
