package org.laymanlabs.sandbox.shell;

import java.util.List;
import java.util.function.Consumer;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
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
    /**
     * Each redirection's target as typed, expanded once (a substitution in it runs once), by its
     * place in {@code redirects}: two redirections may be equal, and a place orders them as typed.
     */
    private final String[] targets;

    Redirections(ShellState state, List<Script.Redirect> redirects, Word.Expander expander) {
        this.state = state;
        this.redirects = redirects;
        this.targets = new String[redirects.size()];
        for (int i = 0; i < targets.length; i++) {
            Script.Redirect r = redirects.get(i);
            if (r.target() != null) {
                targets[i] = r.target().expand(expander);
            }
        }
    }

    /**
     * Opens every redirection before the command runs, as bash does: input files must exist,
     * output files are created (and {@code >} truncates them), so a bad target stops the command.
     *
     * @return the command's stdin
     */
    String open(String piped) {
        String stdin = piped;
        for (int i = 0; i < targets.length; i++) {
            Script.Redirect r = redirects.get(i);
            if (r.operator().equals("2>&1") || r.operator().equals(">&2")) {
                continue;
            }
            String typed = targets[i];
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
     * not). What went to a file no longer reaches the terminal or the next stage. Each write goes
     * where it belongs as it happens, so two streams joined into one keep their order.
     *
     * @param stdout where fd 1 points before any redirection: the terminal, or the pipe to the next stage
     * @param stderr where fd 2 points before any redirection: the terminal
     */
    OutputSink route(Destination stdout, Destination stderr) {
        String outTarget = STDOUT;
        String errTarget = STDERR;
        for (int i = 0; i < targets.length; i++) {
            switch (redirects.get(i).operator()) {
                case ">", ">>" -> outTarget = path(i);
                case "2>", "2>>" -> errTarget = path(i);
                case "&>" -> {
                    outTarget = path(i);
                    errTarget = outTarget;
                }
                case "2>&1" -> errTarget = outTarget;
                case ">&2" -> outTarget = errTarget;
                default -> { }
            }
        }
        Destination toOut = destination(outTarget, stdout, stderr);
        Destination toErr = destination(errTarget, stdout, stderr);
        return (stream, text) -> {
            if (!text.isEmpty()) {
                (stream == OutputChunk.Stream.STDOUT ? toOut : toErr).accept(text);
            }
        };
    }

    /**
     * Where one of a command's streams is written: the terminal, a pipe, /dev/null or a file.
     * Serializable, as a command still running (an open interactive shell) keeps its streams in a checkpoint.
     */
    @FunctionalInterface
    interface Destination extends Consumer<String>, java.io.Serializable {
    }

    /** The terminal's stdout, its stderr, /dev/null, or a file (open() already created it). */
    private Destination destination(String target, Destination stdout, Destination stderr) {
        return switch (target) {
            case STDOUT -> stdout;
            case STDERR -> stderr;
            case DEV_NULL -> text -> { };
            default -> text -> state.files.append(target, text);
        };
    }

    private String path(int place) {
        String typed = targets[place];
        return typed.equals(DEV_NULL) ? DEV_NULL : state.resolve(typed);
    }
}
