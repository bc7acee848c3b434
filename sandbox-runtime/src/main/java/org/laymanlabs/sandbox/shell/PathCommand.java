package org.laymanlabs.sandbox.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.vfs.FileStat;

/**
 * A command name with a slash in it ({@code ./build.sh}, {@code /bin/ls}): bash skips the PATH
 * search and execs that file. Mirrors bash execute_cmd.c (shell_execve): a missing file is "No
 * such file or directory" (127), a directory "Is a directory" and a file without an execute bit
 * "Permission denied" (126). An executable text file runs line by line in a child shell over the
 * same files; a binary runs as the tool it stands for.
 */
final class PathCommand {

    private static final int NOT_FOUND = 127;
    private static final int CANNOT_EXECUTE = 126;
    private static final int MAX_NESTING = 32;
    private static final ThreadLocal<Integer> NESTING = ThreadLocal.withInitial(() -> 0);

    private PathCommand() {
    }

    static Execution start(List<String> argv, String stdin, ShellContext shell, Collection<Command> commands,
                           String user, OutputSink out) {
        String typed = argv.get(0);
        Optional<FileStat> stat = shell.files().stat(shell.resolve(typed));
        if (stat.isEmpty()) {
            return failed(out, "bash: " + typed + ": No such file or directory\n", NOT_FOUND);
        }
        if (stat.get().isDirectory()) {
            return failed(out, "bash: " + typed + ": Is a directory\n", CANNOT_EXECUTE);
        }
        if (!stat.get().anyExecute()) {
            return failed(out, "bash: " + typed + ": Permission denied\n", CANNOT_EXECUTE);
        }
        String name = typed.substring(typed.lastIndexOf('/') + 1);
        String text = shell.files().read(shell.resolve(typed));
        // A binary is a stand-in with a size but no text; a script's text is all of its bytes.
        boolean script = text.getBytes(StandardCharsets.UTF_8).length == stat.get().size();
        if (!script) {
            Optional<Command> tool = shell.command(name);
            if (tool.isEmpty()) {
                return failed(out, "bash: " + typed + ": cannot execute binary file: Exec format error\n",
                        CANNOT_EXECUTE);
            }
            return tool.get().start(new Invocation(argv.subList(1, argv.size()), stdin, shell), out);
        }
        return Execution.finished(runScript(typed, text, shell, commands, user, out));
    }

    private static Execution failed(OutputSink out, String message, int status) {
        out.err(message);
        return Execution.finished(status);
    }

    /** Runs the script's lines in a child shell, each line's output in the order it was written; returns its status. */
    private static int runScript(String typed, String text, ShellContext shell, Collection<Command> commands,
                                 String user, OutputSink out) {
        if (NESTING.get() >= MAX_NESTING) {
            out.err("bash: " + typed + ": scripts nested too deeply in the sandbox\n");
            return CANNOT_EXECUTE;
        }
        NESTING.set(NESTING.get() + 1);
        try {
            CommandLineShell child = new CommandLineShell(new ArrayList<>(commands), shell.files(), user);
            child.run("cd '" + shell.cwd().replace("'", "'\\''") + "'");
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                // bash names the script and the line in its own messages: "./s.sh: line 2: nope: command not found".
                String where = typed + ": line " + (i + 1) + ": ";
                for (OutputChunk chunk : child.run(lines[i]).output()) {
                    out.write(chunk.stream(), chunk.stream() == OutputChunk.Stream.STDERR
                            ? chunk.text().replaceAll("(?m)^bash: ", Matcher.quoteReplacement(where)) : chunk.text());
                }
                if (child.hasExited()) {
                    break;
                }
            }
            return child.lastExitCode();
        } finally {
            NESTING.set(NESTING.get() - 1);
        }
    }
}
