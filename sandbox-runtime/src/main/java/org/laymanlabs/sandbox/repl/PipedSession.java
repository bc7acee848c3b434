package org.laymanlabs.sandbox.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Shell;

/** Feeds piped lines to the shell one at a time, as {@code bash < script} does: no prompt, no echo. */
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
            CommandResult result = shell.run(line);
            out.print(result.stdout());
            out.flush();
            err.print(result.stderr());
            err.flush();
        }
        return shell.lastExitCode();
    }
}
