package org.laymanlabs.sandbox.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * The terminal front door to a sandbox: {@code java -jar layman-sandbox.jar}. On a terminal it
 * behaves like an interactive bash (line editing, history); with piped input it behaves like
 * {@code bash < script}, printing only what the commands print and exiting with the last status.
 */
public final class Repl {

    static final String PROGRAM = "layman-sandbox";
    static final int USAGE_ERROR = 2;

    private Repl() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.console() != null, System.out, System.err));
    }

    static int run(String[] args, boolean interactive, PrintStream out, PrintStream err) throws IOException {
        ReplOptions options;
        try {
            options = ReplOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.println("Try 'java -jar " + PROGRAM + ".jar --help' for more information.");
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(ReplOptions.USAGE);
            return 0;
        }
        // The REPL is the edge of the system: the only place that reads the wall clock.
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.now()));
        if (interactive) {
            return new InteractiveSession(sandbox.shell(), sandbox.clock()).run();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new PipedSession(sandbox.shell(), out, err).run(in);
    }
}
