package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;

/**
 * The lines a learner ran and what they printed, as a terminal's scrollback keeps them: bounded,
 * the oldest dropped first, a long output cut with a notice. Rebuilt on restore by the replay.
 */
final class TerminalHistory {

    static final int MAX_LINES = 500;
    static final int MAX_OUTPUT_CHARS = 8 * 1024;

    private final Deque<HistoryLine> lines = new ArrayDeque<>();
    private long typed;

    /** A scrollback as it was saved, going on from its last line. */
    static TerminalHistory of(List<HistoryLine> saved) {
        TerminalHistory history = new TerminalHistory();
        for (HistoryLine line : saved) {
            history.lines.addLast(line);
            history.typed = Math.max(history.typed, line.seq());
        }
        while (history.lines.size() > MAX_LINES) {
            history.lines.removeFirst();
        }
        return history;
    }

    /** @param prompt the prompt the line was typed at */
    void add(Instant at, String prompt, String line, CommandResult result) {
        String output = result.terminal();
        if (output.length() > MAX_OUTPUT_CHARS) {
            output = output.substring(0, MAX_OUTPUT_CHARS) + "\n[output truncated]\n";
        }
        lines.addLast(new HistoryLine(++typed, at, line, output, result.exitCode(), prompt));
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    List<HistoryLine> lines() {
        return List.copyOf(lines);
    }
}
