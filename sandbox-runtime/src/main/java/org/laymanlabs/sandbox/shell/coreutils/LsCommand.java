package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * coreutils {@code ls}: names in C-locale order; on a terminal side by side, into a pipe one
 * per line (as ls does when stdout is not a tty). {@code -a} adds . and .., {@code -1} forces one per line.
 */
final class LsCommand implements Command {

    private static final int TERMINAL_WIDTH = 80;

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String usage() {
        return "ls [-a1] [FILE]...";
    }

    @Override
    public String summary() {
        return "List the files in a directory.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean all = false;
        boolean onePerLine = !invocation.shell().stdoutIsTerminal();
        List<String> targets = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> all = true;
                        case '1' -> onePerLine = true;
                        default -> {
                            return CommandResult.error("ls: invalid option -- '" + c + "'\n"
                                    + "Try 'ls --help' for more information.\n", 2);
                        }
                    }
                }
            } else {
                targets.add(arg);
            }
        }
        return list(invocation, targets.isEmpty() ? List.of(".") : targets, all, onePerLine);
    }

    private static CommandResult list(Invocation invocation, List<String> targets, boolean all, boolean onePerLine) {
        FileSystem workspace = invocation.shell().files();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        for (String target : targets) {
            String path = invocation.shell().resolve(target);
            if (!workspace.exists(path)) {
                err.append("ls: cannot access '").append(target).append("': No such file or directory\n");
            } else if (workspace.isDirectory(path)) {
                directories.add(target);
            } else {
                files.add(target);
            }
        }
        if (!files.isEmpty()) {
            out.append(layout(files, onePerLine));
        }
        for (String directory : directories) {
            if (targets.size() > 1) {
                out.append(out.isEmpty() ? "" : "\n").append(directory).append(":\n");
            }
            List<String> names = new ArrayList<>();
            if (all) {
                names.addAll(List.of(".", ".."));
            }
            workspace.list(invocation.shell().resolve(directory)).stream()
                    .filter(name -> all || !name.startsWith("."))
                    .forEach(names::add);
            out.append(layout(names, onePerLine));
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 2);
    }

    private static String layout(List<String> names, boolean onePerLine) {
        if (names.isEmpty()) {
            return "";
        }
        String line = String.join("  ", names);
        if (onePerLine || line.length() > TERMINAL_WIDTH) {
            return String.join("\n", names) + "\n";
        }
        return line + "\n";
    }
}
