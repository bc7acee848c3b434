package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.TimeSource;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * coreutils {@code ls}: names in C-locale order; on a terminal side by side, into a pipe one
 * per line (as ls does when stdout is not a tty). {@code -a} adds . and .., {@code -A} only the
 * dotfiles, {@code -1} forces one per line, {@code -d} lists a directory itself, {@code -l} is the
 * long listing ({@link LongListing}) and {@code -h} its sizes in K, M and G.
 */
final class LsCommand implements Command {

    private static final int TERMINAL_WIDTH = 80;

    private final Optional<TimeSource> clock;

    LsCommand() {
        this.clock = Optional.empty();
    }

    /** @param clock what "now" is, for the long listing's choice between a time and a year */
    LsCommand(TimeSource clock) {
        this.clock = Optional.of(clock);
    }

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String usage() {
        return "ls [-aAdhl1] [FILE]...";
    }

    @Override
    public String summary() {
        return "List the files in a directory.";
    }

    record Options(boolean all, boolean almostAll, boolean onePerLine, boolean longFormat, boolean human,
                   boolean directoryItself) { }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean all = false;
        boolean almostAll = false;
        boolean onePerLine = !invocation.shell().stdoutIsTerminal();
        boolean longFormat = false;
        boolean human = false;
        boolean directoryItself = false;
        List<String> targets = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> all = true;
                        case 'A' -> almostAll = true;
                        case '1' -> onePerLine = true;
                        case 'l' -> longFormat = true;
                        case 'h' -> human = true;
                        case 'd' -> directoryItself = true;
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
        Options options = new Options(all, almostAll, onePerLine, longFormat, human, directoryItself);
        return list(invocation, targets.isEmpty() ? List.of(".") : targets, options);
    }

    private CommandResult list(Invocation invocation, List<String> targets, Options options) {
        FileSystem fs = invocation.shell().files();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        for (String target : targets) {
            String path = invocation.shell().resolve(target);
            Optional<FileStat> stat = options.longFormat() ? fs.lstat(path) : fs.stat(path);
            if (stat.isEmpty()) {
                err.append("ls: cannot access '").append(target).append("': No such file or directory\n");
            } else if (stat.get().isDirectory() && !options.directoryItself()) {
                directories.add(target);
            } else {
                files.add(target);
            }
        }
        // Operands are sorted too: files first, then each directory, in the C locale's order.
        files.sort(null);
        directories.sort(null);
        LongListing listing = new LongListing(fs, invocation.shell(), clock.map(Supplier::get), options.human());
        if (!files.isEmpty()) {
            List<String> paths = files.stream().map(invocation.shell()::resolve).toList();
            out.append(options.longFormat() ? listing.entries(files, paths) : layout(files, options.onePerLine()));
        }
        for (String directory : directories) {
            if (targets.size() > 1) {
                out.append(out.isEmpty() ? "" : "\n").append(directory).append(":\n");
            }
            String path = invocation.shell().resolve(directory);
            List<String> names = new ArrayList<>();
            if (options.all()) {
                names.addAll(List.of(".", ".."));
            }
            fs.list(path).stream()
                    .filter(name -> options.all() || options.almostAll() || !name.startsWith("."))
                    .forEach(names::add);
            if (options.longFormat()) {
                List<String> paths = names.stream().map(n -> FileSystem.resolve(path, fs.home(), n)).toList();
                out.append(listing.total(paths)).append(listing.entries(names, paths));
            } else {
                out.append(layout(names, options.onePerLine()));
            }
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
