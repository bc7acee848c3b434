package org.laymanlabs.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The learner's command history, as bash keeps it in memory: every line typed, blank lines
 * left out, the oldest dropped past {@link #HISTSIZE} (bash's default). The grader's
 * "command history" checks and the web terminal's arrow keys read it.
 */
final class CommandHistory {

    static final int HISTSIZE = 500;

    private final Deque<String> lines = new ArrayDeque<>();

    /** A shell that records each line before running it, as bash adds a line to history before executing it. */
    Shell recording(Shell shell) {
        return new Shell() {
            @Override
            public RunningCommand start(String line, OutputSink out) {
                add(line);
                return shell.start(line, out);
            }

            @Override
            public String prompt() {
                return shell.prompt();
            }

            @Override
            public org.laymanlabs.sandbox.vfs.FileSystem files() {
                return shell.files();
            }

            @Override
            public String cwd() {
                return shell.cwd();
            }

            @Override
            public boolean hasExited() {
                return shell.hasExited();
            }

            @Override
            public int lastExitCode() {
                return shell.lastExitCode();
            }
        };
    }

    synchronized void add(String line) {
        if (line.isBlank()) {
            return;
        }
        lines.addLast(line);
        if (lines.size() > HISTSIZE) {
            lines.removeFirst();
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
