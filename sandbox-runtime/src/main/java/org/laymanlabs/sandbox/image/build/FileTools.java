package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.packages.InstalledFiles;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * {@code cp}, {@code mv}, {@code chmod} and {@code ln -s} for a build container, with GNU
 * coreutils' messages. Text files copy in full; a symbolic link is recorded for the layer.
 */
final class FileTools {

    private FileTools() {
    }

    private record Tool(String name, Function<Invocation, CommandResult> body) implements Command {

        @Override
        public String usage() {
            return name + " [OPTION]... SOURCE DEST";
        }

        @Override
        public String summary() {
            return name;
        }

        @Override
        public CommandResult run(Invocation invocation) {
            try {
                return body.apply(invocation);
            } catch (FileSystemException e) {
                return CommandResult.error(name + ": cannot access '" + e.path() + "': " + e.reason().text() + "\n", 1);
            }
        }
    }

    static List<Command> all(InstalledFiles installed) {
        return List.of(new Tool("cp", i -> copy(i, false)), new Tool("mv", i -> copy(i, true)),
                new Tool("chmod", FileTools::chmod), new Tool("ln", i -> link(i, installed)));
    }

    private static CommandResult copy(Invocation invocation, boolean move) {
        List<String> paths = operands(invocation);
        String name = move ? "mv" : "cp";
        if (paths.size() < 2) {
            return CommandResult.error(name + ": missing destination file operand after '"
                    + (paths.isEmpty() ? "" : paths.get(0)) + "'\n", 1);
        }
        FileSystem files = invocation.shell().files();
        String dest = invocation.shell().resolve(paths.get(paths.size() - 1));
        for (String typed : paths.subList(0, paths.size() - 1)) {
            String source = invocation.shell().resolve(typed);
            if (!files.exists(source)) {
                return CommandResult.error(name + ": cannot stat '" + typed + "': No such file or directory\n", 1);
            }
            String target = files.isDirectory(dest) ? dest + "/" + source.substring(source.lastIndexOf('/') + 1) : dest;
            copyTree(files, source, target);
            if (move) {
                files.remove(source, true);
            }
        }
        return CommandResult.ok("");
    }

    private static void copyTree(FileSystem files, String source, String target) {
        if (!files.isDirectory(source)) {
            files.write(target, files.read(source));
            return;
        }
        files.mkdir(target, true);
        for (String child : files.list(source)) {
            copyTree(files, source + "/" + child, target + "/" + child);
        }
    }

    private static CommandResult chmod(Invocation invocation) {
        List<String> operands = operands(invocation);
        for (String typed : operands.subList(Math.min(1, operands.size()), operands.size())) {
            if (!invocation.shell().files().exists(invocation.shell().resolve(typed))) {
                return CommandResult.error("chmod: cannot access '" + typed + "': No such file or directory\n", 1);
            }
        }
        return CommandResult.ok("");
    }

    private static CommandResult link(Invocation invocation, InstalledFiles installed) {
        List<String> operands = operands(invocation);
        if (!invocation.args().contains("-s") && invocation.args().stream().noneMatch(a -> a.matches("-[a-z]*s[a-z]*"))) {
            return CommandResult.error("ln: hard links are not available in this sandbox; use ln -s\n", 1);
        }
        if (operands.size() != 2) {
            return CommandResult.error("ln: missing file operand\n", 1);
        }
        FileSystem files = invocation.shell().files();
        String link = invocation.shell().resolve(operands.get(1));
        if (files.isDirectory(link)) {
            String target = operands.get(0);
            link = link + "/" + target.substring(target.lastIndexOf('/') + 1);
        }
        files.write(link, "");
        installed.link(link, operands.get(0));
        return CommandResult.ok("");
    }

    private static List<String> operands(Invocation invocation) {
        List<String> operands = new ArrayList<>();
        invocation.args().stream().filter(a -> !a.startsWith("-") || a.equals("-")).forEach(operands::add);
        return operands;
    }
}
