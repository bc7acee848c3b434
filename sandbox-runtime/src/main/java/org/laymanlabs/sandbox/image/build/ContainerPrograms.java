package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.packages.ApkCommand;
import org.laymanlabs.sandbox.image.packages.AptGetCommand;
import org.laymanlabs.sandbox.image.packages.Distro;
import org.laymanlabs.sandbox.image.packages.InstalledFiles;
import org.laymanlabs.sandbox.image.packages.PipCommand;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * The programs a RUN step can call in one image's root: only those whose binaries the image has.
 * Debian and Ubuntu bring coreutils and apt; Alpine and BusyBox bring BusyBox's applets, Alpine
 * also apk; pip is there when the image has it on PATH. A program installed by an earlier step
 * (its binary on PATH) runs as a stand-in that succeeds quietly.
 */
final class ContainerPrograms {

    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");
    private static final Set<String> SIMULATED = Set.of("apt-get", "apt", "apk", "pip", "pip3");

    private ContainerPrograms() {
    }

    static List<Command> forRoot(FileSystem root, Optional<Distro> distro, InstalledFiles installed) {
        List<Command> commands = new ArrayList<>(ShellBuiltins.all());
        if (distro.isPresent()) {
            commands.addAll(Coreutils.all());
            commands.addAll(FileTools.all(installed));
        }
        distro.filter(Distro::isDebianFamily).ifPresent(d -> {
            commands.add(new AptGetCommand("apt-get", d, installed));
            commands.add(new AptGetCommand("apt", d, installed));
        });
        distro.filter(d -> d.id().equals("alpine")).ifPresent(d -> commands.add(new ApkCommand(d, installed)));
        for (String pip : List.of("pip", "pip3")) {
            if (onPath(root, pip)) {
                commands.add(new PipCommand(pip, installed));
            }
        }
        List<String> known = commands.stream().map(Command::name).toList();
        for (String dir : PATH) {
            if (root.isDirectory(dir)) {
                root.list(dir).stream().filter(n -> !known.contains(n) && !SIMULATED.contains(n))
                        .distinct().forEach(n -> commands.add(new StandIn(n)));
            }
        }
        return dedupe(commands);
    }

    static boolean onPath(FileSystem root, String program) {
        return PATH.stream().anyMatch(dir -> root.exists(dir + "/" + program) && !root.isDirectory(dir + "/" + program));
    }

    private static List<Command> dedupe(List<Command> commands) {
        List<Command> unique = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Command command : commands) {
            if (!names.contains(command.name())) {
                names.add(command.name());
                unique.add(command);
            }
        }
        return unique;
    }

    /** A program the image has but the sandbox does not simulate (nginx, python3…): it exits 0 and prints nothing. */
    private record StandIn(String name) implements Command {

        @Override
        public String usage() {
            return name;
        }

        @Override
        public String summary() {
            return name + " (installed in the image)";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return CommandResult.ok("");
        }
    }
}
