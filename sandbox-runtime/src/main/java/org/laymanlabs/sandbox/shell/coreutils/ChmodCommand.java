package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * coreutils {@code chmod [-Rvcf] MODE FILE...}. Mirrors src/chmod.c: a mode such as {@code -x}
 * is a mode, not an option; {@code -R} does not follow symbolic links below the named files; a
 * change the umask cut short is reported ("new permissions are …, not …") and fails.
 */
final class ChmodCommand implements Command {

    /** The shell's umask: what Docker's containers and a Debian login both start with. */
    static final int UMASK = 022;

    @Override
    public String name() {
        return "chmod";
    }

    @Override
    public String usage() {
        return "chmod [-Rvcf] MODE[,MODE]... FILE...";
    }

    @Override
    public String summary() {
        return "Change file mode bits (octal such as 755, or symbolic such as u+x,go-w).";
    }

    private record Options(boolean recursive, boolean verbose, boolean changes, boolean quiet) { }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean recursive = false;
        boolean verbose = false;
        boolean changes = false;
        boolean quiet = false;
        String mode = null;
        List<String> files = new ArrayList<>();
        boolean optionsDone = false;
        for (String arg : invocation.args()) {
            if (!optionsDone && arg.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1 && arg.substring(1).matches("[RvcfR]+")) {
                recursive |= arg.contains("R");
                verbose |= arg.contains("v");
                changes |= arg.contains("c");
                quiet |= arg.contains("f");
            } else if (!optionsDone && arg.startsWith("--")) {
                return usageError("unrecognized option '" + arg + "'");
            } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1 && !arg.substring(1).matches("[rwxXstugoa,+=0-7-]+")) {
                char bad = arg.substring(1).chars().filter(c -> "Rvcf".indexOf(c) < 0).mapToObj(c -> (char) c).findFirst().orElse('?');
                return usageError("invalid option -- '" + bad + "'");
            } else if (mode == null) {
                mode = arg;
            } else {
                files.add(arg);
            }
        }
        if (mode == null) {
            return usageError("missing operand");
        }
        if (files.isEmpty()) {
            return usageError("missing operand after '" + mode + "'");
        }
        Optional<ModeChange> change = ModeChange.compile(mode);
        if (change.isEmpty()) {
            return usageError("invalid mode: '" + mode + "'");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Options options = new Options(recursive, verbose, changes, quiet);
        for (String typed : files) {
            String path = invocation.shell().resolve(typed);
            FileSystem fs = invocation.shell().files();
            if (fs.stat(path).isEmpty()) {
                if (!quiet || fs.lstat(path).isEmpty()) {
                    err.append("chmod: cannot access '").append(typed).append("': No such file or directory\n");
                } else {
                    err.append("chmod: cannot operate on dangling symlink '").append(typed).append("'\n");
                }
                continue;
            }
            change(fs, path, typed, change.get(), options, out, err);
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 1);
    }

    private static void change(FileSystem fs, String path, String typed, ModeChange change, Options options,
                               StringBuilder out, StringBuilder err) {
        FileStat before = fs.stat(path).orElseThrow();
        int mode = change.apply(before.mode(), before.isDirectory(), UMASK);
        fs.chmod(path, mode);
        int naive = change.apply(before.mode(), before.isDirectory(), 0);
        String now = permissions(before, mode);
        if (options.verbose() || (options.changes() && mode != before.mode())) {
            out.append(mode != before.mode()
                    ? "mode of '" + typed + "' changed from " + octal(before.mode()) + " (" + permissions(before, before.mode())
                        + ") to " + octal(mode) + " (" + now + ")\n"
                    : "mode of '" + typed + "' retained as " + octal(mode) + " (" + now + ")\n");
        }
        if ((mode & ~naive) != 0) {
            err.append("chmod: ").append(typed).append(": new permissions are ").append(now)
                    .append(", not ").append(permissions(before, naive)).append('\n');
        }
        if (options.recursive() && before.isDirectory()) {
            for (String name : fs.list(path)) {
                String child = path.equals("/") ? "/" + name : path + "/" + name;
                boolean link = fs.lstat(child).map(s -> s.type() == FileStat.Type.SYMLINK).orElse(true);
                if (!link) {
                    change(fs, child, typed.endsWith("/") ? typed + name : typed + "/" + name, change, options, out, err);
                }
            }
        }
    }

    private static String permissions(FileStat stat, int mode) {
        return new FileStat(stat.type(), mode, 0, 0, 0, stat.modified(), "").modeString().substring(1);
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }

    private static CommandResult usageError(String message) {
        return CommandResult.error("chmod: " + message + "\nTry 'chmod --help' for more information.\n", 1);
    }
}
