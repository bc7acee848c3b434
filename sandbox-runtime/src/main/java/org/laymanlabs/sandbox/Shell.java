package org.laymanlabs.sandbox;

import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * The learner's terminal into a sandbox. The web terminal, the REPL and the tests all type
 * into the same shell, so what one sees the others see.
 */
public interface Shell {

    /**
     * Runs one line and returns what it printed, without ever waiting on the clock: this is how
     * tests, graders and piped scripts type. A command that would go on following
     * ({@code docker logs -f}, {@code docker run} without {@code -d} of a container that is still
     * running) prints what exists at this instant and ends with status 0, as if its terminal had
     * been {@linkplain RunningCommand#detach() detached}; what it followed is left as it was. We
     * chose this over "interrupt at once" (status 130, SIGINT to the container) so that running a
     * line never changes the sandbox more than its command itself does, and over "run until the
     * clock is idle" because a sandbox's clock is rarely idle and moving it would change what
     * every later check sees. An interactive shell the line opens ({@code docker exec -it web sh})
     * is not cut off: it is not following anything but waiting for the next line, which it reads.
     */
    default CommandResult run(String line) {
        RunningCommand running = start(line, OutputSink.DISCARD);
        running.detach();
        return running.result();
    }

    /**
     * Starts one line as bash would (quoting, {@code ;}, {@code &&}, {@code ||} and pipes), its
     * output going to {@code out} as it is written. A line that follows something goes on writing
     * while the sandbox's clock advances, until it ends by itself or is interrupted; the shell
     * takes no other line meanwhile. The caller drives it: the REPL advances the clock in real
     * time, a test advances it by hand.
     *
     * @throws IllegalStateException if the previous line started here is still running
     */
    RunningCommand start(String line, OutputSink out);

    /**
     * What the terminal shows before the next line: bash's {@code learner@laptop:~$ }, or, while
     * a shell in a container reads the terminal ({@code docker exec -it web sh}), that shell's
     * prompt ({@code / # }), or nothing when it has no TTY ({@code docker exec -i}).
     */
    String prompt();

    /** The files the next line would run over: the workspace, or the container's while its shell reads the terminal. */
    FileSystem files();

    /** The working directory the next line would run in, an absolute path in {@link #files()}. */
    String cwd();

    /** True once the learner has typed {@code exit}; the shell then refuses further lines. */
    boolean hasExited();

    /** The status of the last command, as {@code $?}; after {@code exit}, the status it set. */
    int lastExitCode();
}
