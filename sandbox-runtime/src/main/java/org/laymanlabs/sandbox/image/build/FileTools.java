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
 * {@code ln -s} for a build container, with GNU coreutils' messages: the link is recorded for the
 * layer. (cp, mv and chmod are the shell's coreutils.)
 */
final class FileTools {

    private FileTools() {
    }

    private record Tool(String name, Function<Invocation, CommandResult> body) implements Command {

        @Override
        public String usage() {
            return name + " [OPTION]... TARGET LINK_NAME";
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
        return List.of(new Tool("ln", i -> link(i, installed)));
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
