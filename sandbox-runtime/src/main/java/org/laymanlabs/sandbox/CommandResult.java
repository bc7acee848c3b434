package org.laymanlabs.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one shell line printed and how it ended, exactly as a terminal would show it: the output
 * in the order it was written (stdout and stderr interleaved, as on a real terminal) and the status.
 *
 * @param output   the chunks, in order; adjacent chunks of one stream are merged, so two results
 *                 that would look the same on a terminal with its streams told apart are equal
 * @param exitCode the status bash would put in {@code $?} (0 to 255)
 */
public record CommandResult(List<OutputChunk> output, int exitCode) {

    public CommandResult {
        output = merged(Objects.requireNonNull(output, "output"));
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code must be 0..255, was " + exitCode);
        }
    }

    /** All of stdout, then all of stderr: for commands whose two streams never interleave. */
    public CommandResult(String stdout, String stderr, int exitCode) {
        this(List.of(chunkOrEmpty(OutputChunk.Stream.STDOUT, stdout), chunkOrEmpty(OutputChunk.Stream.STDERR, stderr))
                .stream().flatMap(List::stream).toList(), exitCode);
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(stdout, "", 0);
    }

    public static CommandResult error(String stderr, int exitCode) {
        return new CommandResult("", stderr, exitCode);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Text written to standard output, including its trailing newline. */
    public String stdout() {
        return text(OutputChunk.Stream.STDOUT);
    }

    /** Text written to standard error, including its trailing newline. */
    public String stderr() {
        return text(OutputChunk.Stream.STDERR);
    }

    /** Both streams as a terminal shows them, in the order they were written. */
    public String terminal() {
        StringBuilder all = new StringBuilder();
        output.forEach(c -> all.append(c.text()));
        return all.toString();
    }

    /** Writes the output, in order, to a sink. */
    public void writeTo(OutputSink sink) {
        output.forEach(c -> sink.write(c.stream(), c.text()));
    }

    private String text(OutputChunk.Stream stream) {
        StringBuilder text = new StringBuilder();
        output.stream().filter(c -> c.stream() == stream).forEach(c -> text.append(c.text()));
        return text.toString();
    }

    private static List<OutputChunk> chunkOrEmpty(OutputChunk.Stream stream, String text) {
        Objects.requireNonNull(text, stream.name().toLowerCase());
        return text.isEmpty() ? List.of() : List.of(new OutputChunk(stream, text));
    }

    private static List<OutputChunk> merged(List<OutputChunk> chunks) {
        List<OutputChunk> merged = new ArrayList<>();
        for (OutputChunk chunk : chunks) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).stream() == chunk.stream()) {
                merged.set(last, new OutputChunk(chunk.stream(), merged.get(last).text() + chunk.text()));
            } else {
                merged.add(chunk);
            }
        }
        return List.copyOf(merged);
    }

    /** Collects output as a command writes it, then becomes the result once the status is known. */
    public static final class Builder implements OutputSink {

        private final List<OutputChunk> chunks = new ArrayList<>();

        private Builder() {
        }

        @Override
        public void write(OutputChunk.Stream stream, String text) {
            if (!text.isEmpty()) {
                chunks.add(new OutputChunk(stream, text));
            }
        }

        /** Everything written so far, ending with this status. */
        public CommandResult build(int exitCode) {
            return new CommandResult(chunks, exitCode);
        }
    }
}
