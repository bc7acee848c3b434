package org.laymanlabs.sandbox.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Shell;

/**
 * Feeds piped lines to the shell one at a time, as {@code bash < script} does: no prompt, no echo,
 * each stream's text printed as written. Nobody can press Ctrl-C at a pipe and all the input is
 * already there, so a command that would follow something is cut off at once, as
 * {@link Shell#run} does: it prints what exists and the script goes on.
 */
final class PipedSession {

    private final Shell shell;
    private final PrintStream out;
    private final PrintStream err;

    PipedSession(Shell shell, PrintStream out, PrintStream err) {
        this.shell = shell;
        this.out = out;
        this.err = err;
    }

    int run(BufferedReader in) throws IOException {
        String line;
        while (!shell.hasExited() && (line = in.readLine()) != null) {
            RunningCommand running = shell.start(line, (stream, text) -> {
                PrintStream to = stream == OutputChunk.Stream.STDOUT ? out : err;
                to.print(text);
                to.flush();
            });
            running.detach();
        }
        return shell.lastExitCode();
    }
}
