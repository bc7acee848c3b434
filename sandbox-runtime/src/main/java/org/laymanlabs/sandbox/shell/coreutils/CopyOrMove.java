package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * coreutils {@code cp [-rRapfv]} and {@code mv [-fv]}: SOURCE DEST, or SOURCE... DIRECTORY.
 * Mirrors src/cp.c, src/mv.c and src/copy.c: the bytes of a file are copied whatever they are
 * (a binary stays the binary it was); a new copy gets the source's mode less the umask, unless
 * {@code -p} or {@code -a} keep it as is; mv keeps everything. Messages are GNU's.
 */
final class CopyOrMove implements Command {

    private final boolean move;

    CopyOrMove(boolean move) {
        this.move = move;
    }

    @Override
    public String name() {
        return move ? "mv" : "cp";
    }

    @Override
    public String usage() {
        return name() + (move ? " [-fv]" : " [-rRapfv]") + " SOURCE... DEST";
    }

    @Override
    public String summary() {
        return move ? "Move or rename files and directories." : "Copy files (-r: and directories).";
    }

    private record Options(boolean recursive, boolean preserve, boolean verbose) { }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean recursive = move;
        boolean preserve = move;
        boolean verbose = false;
        List<String> operands = new ArrayList<>();
        boolean optionsDone = false;
        for (String arg : invocation.args()) {
            if (!optionsDone && arg.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && arg.startsWith("--")) {
                return usageError("unrecognized option '" + arg + "'");
            } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    String allowed = move ? "fvn" : "rRapfvdn";
                    if (allowed.indexOf(c) < 0) {
                        return usageError("invalid option -- '" + c + "'");
                    }
                    recursive |= c == 'r' || c == 'R' || c == 'a';
                    preserve |= c == 'p' || c == 'a';
                    verbose |= c == 'v';
                }
            } else {
                operands.add(arg);
            }
        }
        if (operands.isEmpty()) {
            return usageError("missing file operand");
        }
        if (operands.size() == 1) {
            return usageError("missing destination file operand after '" + operands.get(0) + "'");
        }
        FileSystem fs = invocation.shell().files();
        String destTyped = operands.get(operands.size() - 1);
        String dest = invocation.shell().resolve(destTyped);
        boolean intoDirectory = fs.isDirectory(dest);
        if (operands.size() > 2 && !intoDirectory) {
            return CommandResult.error(name() + ": target '" + destTyped + "' is not a directory\n", 1);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Options options = new Options(recursive, preserve, verbose);
        for (String typed : operands.subList(0, operands.size() - 1)) {
            String source = invocation.shell().resolve(typed);
            String base = source.substring(source.lastIndexOf('/') + 1);
            String target = intoDirectory ? (dest.equals("/") ? "/" : dest + "/") + base : dest;
            String targetTyped = intoDirectory ? (destTyped.endsWith("/") ? destTyped : destTyped + "/") + base : destTyped;
            try {
                one(fs, source, typed, target, targetTyped, options, out, err);
            } catch (FileSystemException e) {
                err.append(name()).append(": cannot ").append(move ? "move '" + typed + "' to" : "create regular file")
                        .append(" '").append(targetTyped).append("': ").append(e.reason().text()).append('\n');
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 1);
    }

    private void one(FileSystem fs, String source, String typed, String target, String targetTyped, Options options,
                     StringBuilder out, StringBuilder err) {
        FileStat from = fs.stat(source).orElse(null);
        if (from == null) {
            err.append(name()).append(": cannot stat '").append(typed).append("': No such file or directory\n");
            return;
        }
        if (from.isDirectory() && !options.recursive()) {
            err.append("cp: -r not specified; omitting directory '").append(typed).append("'\n");
            return;
        }
        if (source.equals(target)) {
            err.append(name()).append(": '").append(typed).append("' and '").append(targetTyped)
                    .append("' are the same file\n");
            return;
        }
        if (from.isDirectory() && (target + "/").startsWith(source + "/")) {
            err.append(move ? "mv: cannot move '" + typed + "' to a subdirectory of itself, '" + targetTyped + "'\n"
                    : "cp: cannot copy a directory, '" + typed + "', into itself, '" + targetTyped + "'\n");
            return;
        }
        FileStat existing = fs.stat(target).orElse(null);
        if (existing != null && existing.isDirectory() && !from.isDirectory()) {
            err.append(name()).append(": cannot overwrite directory '").append(targetTyped)
                    .append("' with non-directory\n");
            return;
        }
        if (existing != null && !existing.isDirectory() && from.isDirectory()) {
            err.append(name()).append(": cannot overwrite non-directory '").append(targetTyped)
                    .append("' with directory '").append(typed).append("'\n");
            return;
        }
        if (move && existing != null && existing.isDirectory() && !fs.list(target).isEmpty()) {
            err.append("mv: cannot move '").append(typed).append("' to '").append(targetTyped)
                    .append("': Directory not empty\n");
            return;
        }
        copy(fs, source, target, options.preserve());
        if (move) {
            fs.remove(source, true);
        }
        if (options.verbose()) {
            out.append(move ? "renamed '" : "'").append(typed).append("' -> '").append(targetTyped).append("'\n");
        }
    }

    /** Copies a file's bytes, or a directory and everything in it, with the modes cp or mv give the copies. */
    private static void copy(FileSystem fs, String source, String target, boolean preserve) {
        FileStat from = fs.stat(source).orElseThrow();
        boolean existed = fs.exists(target);
        if (from.isDirectory()) {
            if (!existed) {
                fs.mkdir(target, false);
            }
            for (String name : fs.list(source)) {
                copy(fs, source + "/" + name, target + "/" + name, preserve);
            }
        } else {
            fs.copyFile(source, target);
        }
        if (preserve) {
            fs.chmod(target, from.mode());
        } else if (!existed) {
            fs.chmod(target, from.mode() & ~ChmodCommand.UMASK);
        }
    }

    private CommandResult usageError(String message) {
        return CommandResult.error(name() + ": " + message + "\nTry '" + name() + " --help' for more information.\n", 1);
    }
}
