package org.laymanlabs.sandbox;

import java.util.Objects;

/**
 * A piece of text one command wrote to one stream, in the order it was written. A terminal shows
 * stdout and stderr interleaved as they come, so output is kept as a sequence of these rather
 * than as two separate strings.
 *
 * @param stream where the command wrote it
 * @param text   the text, newlines included; never empty
 */
public record OutputChunk(Stream stream, String text) {

    /** File descriptors 1 and 2. */
    public enum Stream { STDOUT, STDERR }

    public OutputChunk {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a chunk holds some text");
        }
    }
}
