package org.laymanlabs.backend.session;

import java.time.Instant;

/**
 * One line from a terminal's scrollback: its number (counting every line ever typed), what was typed, at which virtual instant, what it printed
 * (stdout and stderr as the terminal showed them, cut at a bound) and its status. {@code prompt} is the one it was typed at (a
 * container's shell's during {@code docker exec -it}), or null where it is not known (lines stored before prompts were kept).
 */
public record HistoryLine(long seq, Instant at, String line, String output, int exitCode, String prompt) {

    public HistoryLine {
        // As the database keeps it: a scrollback read back after a restart equals the one shown before.
        at = at == null ? null : SessionStore.asStored(at);
    }

    public HistoryLine(long seq, Instant at, String line, String output, int exitCode) {
        this(seq, at, line, output, exitCode, null);
    }
}
