package org.laymanlabs.sandbox.shell;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * A simple command's redirections, applied in bash's way: {@code <} feeds a file to stdin;
 * {@code >}, {@code >>}, {@code 2>}, {@code 2>>} and {@code &>} send output to workspace files;
 * {@code 2>&1} joins stderr to stdout. /dev/null swallows output and reads as empty.
 */
final class Redirections {

    private static final String DEV_NULL = "/dev/null";
    /** Where a stream goes when nothing redirects it: the terminal (or the next pipe stage) as stdout or stderr. */
    private static final String STDOUT = "/dev/stdout";
    private static final String STDERR = "/dev/stderr";

    private final ShellState state;
    private final List<Script.Redirect> redirects;

    Redirections(ShellState state, List<Script.Redirect> redirects) {
        this.state = state;
        this.redirects = redirects;
    }

    /**
     * Opens every redirection before the command runs, as bash does: input files must exist,
     * output files are created (and {@code >} truncates them), so a bad target stops the command.
     *
     * @return the command's stdin
     */
    String open(String piped) {
        String stdin = piped;
        for (Script.Redirect r : redirects) {
            if (r.operator().equals("2>&1") || r.operator().equals(">&2")) {
                continue;
            }
            String typed = r.target().expand(state::parameter);
            String path = typed.equals(DEV_NULL) ? DEV_NULL : state.resolve(typed);
            if (path.equals(DEV_NULL) || path.equals(STDOUT) || path.equals(STDERR)) {
                stdin = r.operator().equals("<") ? "" : stdin;
                continue;
            }
            try {
                if (r.operator().equals("<")) {
                    stdin = state.files.read(path);
                } else if (r.operator().endsWith(">>")) {
                    state.files.append(path, "");
                } else {
                    state.files.write(path, "");
                }
            } catch (FileSystemException e) {
                throw new FileSystemException(e.reason(), typed);
            }
        }
        return stdin;
    }

    /**
     * Routes the command's output as bash's file descriptors would: each redirection, left to
     * right, points stdout or stderr somewhere, and {@code 2>&1} points stderr wherever stdout
     * points at that moment (so {@code >/dev/null 2>&1} silences both, and {@code 2>&1 >f} does
     * not). What went to a file no longer reaches the terminal or the next stage.
     */
    CommandResult apply(CommandResult result) {
        String outTarget = null;
        String errTarget = null;
        for (Script.Redirect r : redirects) {
            switch (r.operator()) {
                case ">", ">>" -> outTarget = path(r);
                case "2>", "2>>" -> errTarget = path(r);
                case "&>" -> {
                    outTarget = path(r);
                    errTarget = outTarget;
                }
                case "2>&1" -> errTarget = outTarget == null ? STDOUT : outTarget;
                case ">&2" -> outTarget = errTarget == null ? STDERR : errTarget;
                default -> { }
            }
        }
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        deliver(result.stdout(), outTarget, stdout, stderr);
        deliver(result.stderr(), errTarget == null ? STDERR : errTarget, stdout, stderr);
        return new CommandResult(stdout.toString(), stderr.toString(), result.exitCode());
    }

    /** Sends one stream's text to the terminal's stdout, its stderr, or a file (open() already created it). */
    private void deliver(String text, String target, StringBuilder stdout, StringBuilder stderr) {
        if (target == null || target.equals(STDOUT)) {
            stdout.append(text);
        } else if (target.equals(STDERR)) {
            stderr.append(text);
        } else if (!target.equals(DEV_NULL)) {
            state.files.append(target, text);
        }
    }

    private String path(Script.Redirect r) {
        String typed = r.target().expand(state::parameter);
        return typed.equals(DEV_NULL) ? DEV_NULL : state.resolve(typed);
    }
}
