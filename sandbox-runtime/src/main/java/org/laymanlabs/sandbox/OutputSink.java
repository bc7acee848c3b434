package org.laymanlabs.sandbox;

/**
 * Where a running command's output goes as it is produced: the web terminal, the REPL's screen,
 * or a {@link CommandResult.Builder} that keeps it. Called on the sandbox's own thread, in order.
 * Serializable: a command that is still running (an open {@code docker exec -it}) keeps its sink,
 * and a sandbox's checkpoint keeps the command.
 */
@FunctionalInterface
public interface OutputSink extends java.io.Serializable {

    /** Receives text written to one stream; empty text may be ignored. */
    void write(OutputChunk.Stream stream, String text);

    default void out(String text) {
        write(OutputChunk.Stream.STDOUT, text);
    }

    default void err(String text) {
        write(OutputChunk.Stream.STDERR, text);
    }

    /** Drops everything, as {@code >/dev/null 2>&1} would. */
    OutputSink DISCARD = (stream, text) -> { };
}
