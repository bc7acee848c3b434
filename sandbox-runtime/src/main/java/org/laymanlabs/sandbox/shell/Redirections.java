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
            if (r.operator().equals("2>&1")) {
                continue;
            }
            String typed = r.target().expand(state::parameter);
            String path = typed.equals(DEV_NULL) ? DEV_NULL : state.resolve(typed);
            if (path.equals(DEV_NULL)) {
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

    /** Routes the command's output; what went to a file no longer reaches the terminal or the next stage. */
    CommandResult apply(CommandResult result) {
        String stdout = result.stdout();
        String stderr = result.stderr();
        for (Script.Redirect r : redirects) {
            switch (r.operator()) {
                case ">", ">>" -> {
                    write(r, stdout);
                    stdout = "";
                }
                case "2>", "2>>" -> {
                    write(r, stderr);
                    stderr = "";
                }
                case "&>" -> {
                    write(r, stdout + stderr);
                    stdout = "";
                    stderr = "";
                }
                case "2>&1" -> {
                    stdout = stdout + stderr;
                    stderr = "";
                }
                default -> { }
            }
        }
        return new CommandResult(stdout, stderr, result.exitCode());
    }

    private void write(Script.Redirect r, String text) {
        String path = path(r);
        if (path.equals(DEV_NULL)) {
            return;
        }
        // open() already created or truncated the file, so both forms append here.
        state.files.append(path, text);
    }

    private String path(Script.Redirect r) {
        String typed = r.target().expand(state::parameter);
        return typed.equals(DEV_NULL) ? DEV_NULL : state.resolve(typed);
    }
}
