package org.laymanlabs.sandbox.docker;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * The {@code docker} command of the sandbox shell. Mirrors docker/cli cmd/docker/docker.go: finds
 * the subcommand (top-level or in a management group), parses its flags, checks its arguments and
 * runs it, with Docker 28's messages and exit codes (125 for flag errors, 1 for the rest).
 */
public final class DockerCommand implements Command {

    static final String VERSION = "Docker version 28.2.2, build e6534b4";

    private final CommandTree tree;

    public DockerCommand(CommandTree tree) {
        this.tree = tree;
    }

    /** The whole docker CLI of a sandbox's engine: images, containers, networks, volumes and build. */
    public static DockerCommand forEngine(Daemon daemon, ContainerEngine engine, RandomGenerator random) {
        CommandTree.Builder tree = CommandTree.builder();
        ImageCommands.register(tree, daemon);
        ContainerCommands.register(tree, daemon, engine);
        BuildCommand.register(tree, daemon, random);
        tree.command(VersionCommand.create());
        tree.command(InfoCommand.create(daemon, engine));
        tree.command("system", InfoCommand.create(daemon, engine));
        return new DockerCommand(tree.build());
    }

    /** The docker command with the image subcommands, talking to {@code daemon}. */
    public static DockerCommand withImageCommands(Daemon daemon) {
        CommandTree.Builder tree = CommandTree.builder();
        ImageCommands.register(tree, daemon);
        return new DockerCommand(tree.build());
    }

    /** The image subcommands and {@code docker build}, whose build containers take their IDs from {@code random}. */
    public static DockerCommand withImageAndBuildCommands(Daemon daemon, RandomGenerator random) {
        CommandTree.Builder tree = CommandTree.builder();
        ImageCommands.register(tree, daemon);
        BuildCommand.register(tree, daemon, random);
        return new DockerCommand(tree.build());
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String usage() {
        return "docker [OPTIONS] COMMAND";
    }

    @Override
    public String summary() {
        return "A self-sufficient runtime for containers.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        return Command.runToNow(this, invocation);
    }

    @Override
    public Execution start(Invocation invocation, OutputSink out) {
        List<String> args = invocation.args();
        if (args.isEmpty()) {
            return answer(CommandResult.error(Usage.root(tree), 0), out);
        }
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                return answer(CommandResult.ok(Usage.root(tree)), out);
            }
            case "--version", "-v" -> {
                return answer(CommandResult.ok(VERSION + "\n"), out);
            }
            default -> {
            }
        }
        if (first.startsWith("-")) {
            return answer(flagError("unknown flag: " + first, "docker [OPTIONS] COMMAND [ARG...]", "docker"), out);
        }
        List<String> rest = args.subList(1, args.size());
        Optional<Subcommand> command = tree.top(first);
        if (command.isPresent()) {
            return runLeaf(command.get(), "docker " + command.get().name(), "docker", rest, invocation, out);
        }
        Optional<CommandTree.Group> group = tree.group(first);
        if (group.isPresent()) {
            return runGroup(group.get(), rest, invocation, out);
        }
        return answer(error("docker: unknown command: docker " + first + "\n\nRun 'docker --help' for more information"), out);
    }

    private Execution runGroup(CommandTree.Group group, List<String> args, Invocation invocation, OutputSink out) {
        String path = "docker " + group.name();
        if (args.isEmpty()) {
            return answer(CommandResult.error(Usage.group(group), 0), out);
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h")) {
            return answer(CommandResult.ok(Usage.group(group)), out);
        }
        if (first.startsWith("-")) {
            return answer(flagError((first.startsWith("--") ? "unknown flag: " : "unknown shorthand flag: '"
                    + first.charAt(1) + "' in ") + first, path + " COMMAND", path), out);
        }
        Subcommand command = group.byName().get(first);
        if (command == null) {
            return answer(error("docker: unknown command: " + path + " " + first + "\n\nUsage:  " + path
                    + " COMMAND\n\nRun '" + path + " --help' for more information"), out);
        }
        return runLeaf(command, path + " " + command.name(), path, args.subList(1, args.size()), invocation, out);
    }

    private Execution runLeaf(Subcommand command, String path, String parentPath, List<String> args,
                              Invocation invocation, OutputSink out) {
        try {
            return parseAndRun(command, path, parentPath, args, invocation, out);
        } catch (DaemonException e) {
            return answer(daemonError(e), out);
        } catch (RuntimeException e) {
            return answer(error("docker: the sandbox could not run this command (" + e.getClass().getSimpleName()
                    + "); please report it with the command you typed"), out);
        }
    }

    private Execution parseAndRun(Subcommand command, String path, String parentPath, List<String> args,
                                  Invocation invocation, OutputSink out) {
        String useLine = parentPath + " " + command.use();
        FlagParser.Result parsed;
        try {
            parsed = new FlagParser(command.flags()).parse(stopAtImageOrContainer(command, args));
        } catch (FlagParser.FlagError e) {
            return answer(flagError(e.getMessage(), useLine, path), out);
        }
        if (parsed.help()) {
            return answer(CommandResult.ok(Usage.command(command, useLine)), out);
        }
        Optional<String> argsError = command.args().check(parsed.parsed().args(), path, useLine);
        if (argsError.isPresent()) {
            return answer(error(argsError.get()), out);
        }
        return command.action().start(parsed.parsed(), invocation, out);
    }

    private static Execution answer(CommandResult result, OutputSink out) {
        result.writeTo(out);
        return Execution.finished(result.exitCode());
    }

    /**
     * run, create and exec set cobra's SetInterspersed(false): flags end at the first argument, so
     * that {@code docker run busybox ls -l} passes {@code -l} to ls.
     */
    private static List<String> stopAtImageOrContainer(Subcommand command, List<String> args) {
        if (!command.use().contains("[COMMAND] [ARG...]") && !command.use().contains("COMMAND [ARG...]")) {
            return args;
        }
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            if (token.equals("--")) {
                return args;
            }
            if (!token.startsWith("-") || token.equals("-")) {
                java.util.List<String> split = new java.util.ArrayList<>(args.subList(0, i));
                split.add("--");
                split.addAll(args.subList(i, args.size()));
                return split;
            }
            if (takesValue(command, token)) {
                i++;
            }
        }
        return args;
    }

    private static boolean takesValue(Subcommand command, String token) {
        if (token.contains("=")) {
            return false;
        }
        if (token.startsWith("--")) {
            return command.flags().stream().anyMatch(f -> f.name().equals(token.substring(2)) && !f.isBool());
        }
        String letters = token.substring(1);
        for (int j = 0; j < letters.length(); j++) {
            char c = letters.charAt(j);
            if (command.flags().stream().anyMatch(f -> f.shorthand() == c && !f.isBool())) {
                return j == letters.length() - 1;
            }
        }
        return false;
    }

    /** cli.FlagErrorFunc: the error, the Usage line and where to read more; status 125. */
    static CommandResult flagError(String message, String useLine, String path) {
        return CommandResult.error(message + "\n\nUsage:  " + useLine + "\n\nRun '" + path
                + " --help' for more information\n", 125);
    }

    /** A plain error, printed as is, status 1. */
    static CommandResult error(String message) {
        return CommandResult.error(message + "\n", 1);
    }

    /** An error answer from the engine, as the API client reports it. */
    static CommandResult daemonError(DaemonException e) {
        return error("Error response from daemon: " + e.getMessage());
    }
}
