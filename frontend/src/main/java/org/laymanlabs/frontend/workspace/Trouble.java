package org.laymanlabs.frontend.workspace;

import java.util.concurrent.CompletionException;
import org.laymanlabs.backend.session.InputRejected;
import org.laymanlabs.backend.session.SandboxFailure;
import org.laymanlabs.backend.session.SandboxLeases;

/**
 * A failure as the workspace tells it to a beginner: what happened, in plain words that never
 * name a class or show a trace, and the one thing that helps next. "Try again" helps with a
 * sandbox busy on another server; a sandbox whose event loop stopped needs its step reset.
 *
 * @param message what the learner reads
 * @param way     the button offered first
 */
record Trouble(String message, Way way) {

    /** What the banner's first button does. */
    enum Way {
        TRY_AGAIN("Try again"), RESET_STEP("Reset step"), RESET_LAB("Reset lab"), RELOAD("Reload the page");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    /** The sandbox could not be built, restored or reached when the page opened. */
    static Trouble starting(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SandboxLeases.SandboxElsewhere) {
            return elsewhere();
        }
        if (cause instanceof SandboxFailure stopped && stopped.stopped()) {
            return stopped();
        }
        return new Trouble("Your sandbox could not be started. This is a problem on our side, not yours. "
                + "Try again; if it happens again, reset the lab to start afresh.", Way.TRY_AGAIN);
    }

    /** Something the learner did (a map refresh, a save, a step change) failed once the page was up. */
    static Trouble working(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SandboxLeases.SandboxElsewhere) {
            return elsewhere();
        }
        if (cause instanceof SandboxLeases.LeaseLost) {
            return new Trouble("Your sandbox moved to another of our servers, perhaps because you opened this lab in "
                    + "another tab or window. Reload the page to reach it there; your work is kept.", Way.RELOAD);
        }
        if (cause instanceof SandboxFailure failed && failed.stopped()) {
            return stopped();
        }
        if (cause instanceof InputRejected rejected) {
            return new Trouble(rejected.getMessage(), Way.TRY_AGAIN);
        }
        return new Trouble("Something went wrong inside your sandbox. Your lesson and your saved work are kept. "
                + "Try again, or reset the step to go back to how it began.", Way.TRY_AGAIN);
    }

    /** The line for the terminal when a command could not run: what happened and what to press. */
    static String forCommand(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SandboxFailure failed && !failed.stopped()) {
            return "The sandbox could not finish this command: an error on our side, not yours. "
                    + "Everything up to the command before is kept. Try it again, or press Reset step above.";
        }
        if (cause instanceof SandboxFailure || cause instanceof SandboxLeases.SandboxElsewhere
                || cause instanceof SandboxLeases.LeaseLost) {
            return working(cause).message();
        }
        return "Your sandbox did not answer. Try again in a moment; if it keeps failing, "
                + "press Reset step or Reset lab above.";
    }

    private static Trouble elsewhere() {
        return new Trouble("Your sandbox is still open on another of our servers, which has not handed it over yet. "
                + "It moves here by itself within a minute: wait a moment and try again. Your work is kept.", Way.TRY_AGAIN);
    }

    private static Trouble stopped() {
        return new Trouble("Your sandbox stopped on an error on our side, not yours. Reset the step to rebuild it as "
                + "the step began; your lesson and your earlier steps are kept.", Way.RESET_STEP);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
