package org.laymanlabs.sandbox;

/**
 * The learner's terminal into a sandbox. The web terminal, the REPL and the tests all type
 * into the same shell, so what one sees the others see.
 */
public interface Shell {

    /** Runs one line as bash would: quoting, {@code ;}, {@code &&}, {@code ||} and pipes. */
    CommandResult run(String line);

    /** True once the learner has typed {@code exit}; the shell then refuses further lines. */
    boolean hasExited();

    /** The status of the last command, as {@code $?}; after {@code exit}, the status it set. */
    int lastExitCode();
}
