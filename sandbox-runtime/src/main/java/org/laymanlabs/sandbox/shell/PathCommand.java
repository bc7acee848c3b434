package org.laymanlabs.sandbox.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
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

    static CommandResult run(List<String> argv, String stdin, ShellContext shell, Collection<Command> commands,
                             String user) {
        String typed = argv.get(0);
        Optional<FileStat> stat = shell.files().stat(shell.resolve(typed));
        if (stat.isEmpty()) {
            return CommandResult.error("bash: " + typed + ": No such file or directory\n", NOT_FOUND);
        }
        if (stat.get().isDirectory()) {
            return CommandResult.error("bash: " + typed + ": Is a directory\n", CANNOT_EXECUTE);
        }
        if (!stat.get().anyExecute()) {
            return CommandResult.error("bash: " + typed + ": Permission denied\n", CANNOT_EXECUTE);
        }
        String name = typed.substring(typed.lastIndexOf('/') + 1);
        String text = shell.files().read(shell.resolve(typed));
        // A binary is a stand-in with a size but no text; a script's text is all of its bytes.
        boolean script = text.getBytes(StandardCharsets.UTF_8).length == stat.get().size();
        if (!script) {
            Optional<Command> tool = shell.command(name);
            if (tool.isEmpty()) {
                return CommandResult.error("bash: " + typed + ": cannot execute binary file: Exec format error\n",
                        CANNOT_EXECUTE);
            }
            return tool.get().run(new Invocation(argv.subList(1, argv.size()), stdin, shell));
        }
        return runScript(typed, text, shell, commands, user);
    }

    private static CommandResult runScript(String typed, String text, ShellContext shell, Collection<Command> commands,
                                           String user) {
        if (NESTING.get() >= MAX_NESTING) {
            return CommandResult.error("bash: " + typed + ": scripts nested too deeply in the sandbox\n", CANNOT_EXECUTE);
        }
        NESTING.set(NESTING.get() + 1);
        try {
            CommandLineShell child = new CommandLineShell(new ArrayList<>(commands), shell.files(), user);
            child.run("cd '" + shell.cwd().replace("'", "'\\''") + "'");
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (String line : text.split("\n")) {
                CommandResult result = child.run(line);
                out.append(result.stdout());
                err.append(result.stderr());
                if (child.hasExited()) {
                    break;
                }
            }
            return new CommandResult(out.toString(), err.toString(), child.lastExitCode());
        } finally {
            NESTING.set(NESTING.get() - 1);
        }
    }
}
