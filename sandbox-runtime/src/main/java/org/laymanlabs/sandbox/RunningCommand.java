package org.laymanlabs.sandbox;

/**
 * A shell line started with {@link Shell#start}: most lines finish at once, but one that follows
 * something ({@code docker logs -f}, an attached {@code docker run}) keeps writing to its sink as
 * the sandbox's clock advances, until what it follows ends or the learner interrupts it. Every
 * method must be called on the sandbox's own thread, like everything else in a sandbox.
 */
public interface RunningCommand {

    boolean isFinished();

    /**
     * Everything the line printed, in order, and its status.
     *
     * @throws IllegalStateException while it is still running
     */
    CommandResult result();

    /**
     * Ctrl-C: SIGINT to the foreground command, which reacts as the real tool does. {@code docker
     * logs -f} stops with status 130; an attached {@code docker run} forwards the signal to its
     * container (docker's sig-proxy) and goes on until the container exits, so a container that
     * ignores SIGINT keeps it running. Does nothing once finished.
     */
    void interrupt();

    /**
     * Cuts the line off from what it follows, as if its terminal had gone away: the foreground
     * command stops writing at once and ends with status 0, leaving what it followed untouched (a
     * container keeps running); the rest of the line then runs, any later following command being
     * cut off the same way. Afterwards the line is always finished.
     */
    void detach();
}
