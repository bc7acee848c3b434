package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Shell;

/**
 * The sandbox's small bash: parses a line, runs its lists, and-or chains and pipelines in bash's
 * order, and reports what a terminal would show. Unknown commands fail as in bash, with status 127.
 */
public final class CommandLineShell implements Shell {

    private static final int SYNTAX_ERROR = 2;
    private static final int NOT_FOUND = 127;

    private final SortedMap<String, Command> commands = new TreeMap<>();
    private int lastExitCode;
    private boolean exited;

    public CommandLineShell(Collection<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** A shell that knows only the builtins every sandbox has. */
    public static CommandLineShell withBuiltins() {
        return withBuiltinsAnd(List.of());
    }

    /** A shell with the builtins plus these programs (docker, ip, kubectl…). */
    public static CommandLineShell withBuiltinsAnd(List<Command> programs) {
        List<Command> all = new ArrayList<>(List.of(new HelpCommand(), new ExitCommand()));
        all.addAll(programs);
        return new CommandLineShell(all);
    }

    @Override
    public CommandResult run(String line) {
        if (exited) {
            return CommandResult.error("bash: this shell has exited; open a new terminal to go on\n", lastExitCode);
        }
        Script script;
        try {
            script = Parser.parse(line);
        } catch (ShellSyntaxException e) {
            lastExitCode = SYNTAX_ERROR;
            return CommandResult.error("bash: " + e.getMessage() + "\n", SYNTAX_ERROR);
        }
        Output output = new Output();
        for (Script.AndOr list : script.lists()) {
            runAndOr(list, output);
            if (exited) {
                break;
            }
        }
        return output.result(lastExitCode);
    }

    private void runAndOr(Script.AndOr list, Output output) {
        runPipeline(list.first(), output);
        for (Script.Link link : list.rest()) {
            if (exited) {
                return;
            }
            if ((lastExitCode == 0) == link.runOnSuccess()) {
                runPipeline(link.pipeline(), output);
            }
        }
    }

    /** Each stage reads the previous stage's stdout; stages of a real pipe run in subshells, so exit there ends only the stage. */
    private void runPipeline(Script.Pipeline pipeline, Output output) {
        boolean subshell = pipeline.commands().size() > 1;
        String stdin = "";
        CommandResult last = null;
        for (Script.SimpleCommand command : pipeline.commands()) {
            last = runSimple(command, stdin, subshell);
            output.stderr.append(last.stderr());
            stdin = last.stdout();
        }
        output.stdout.append(last.stdout());
        lastExitCode = last.exitCode();
    }

    private CommandResult runSimple(Script.SimpleCommand simple, String stdin, boolean subshell) {
        Command command = commands.get(simple.name());
        if (command == null) {
            return CommandResult.error("bash: " + simple.name() + ": command not found\n", NOT_FOUND);
        }
        return command.run(new Invocation(simple.args(), stdin, new Context(subshell)));
    }

    @Override
    public boolean hasExited() {
        return exited;
    }

    @Override
    public int lastExitCode() {
        return lastExitCode;
    }

    /** The shell as one command sees it; a pipe stage gets a subshell whose exit ends nothing. */
    private final class Context implements ShellContext {

        private final boolean subshell;

        Context(boolean subshell) {
            this.subshell = subshell;
        }

        @Override
        public int lastExitCode() {
            return lastExitCode;
        }

        @Override
        public void exit(int status) {
            if (!subshell) {
                exited = true;
                lastExitCode = status;
            }
        }

        @Override
        public Collection<Command> commands() {
            return List.copyOf(commands.values());
        }

        @Override
        public Optional<Command> command(String name) {
            return Optional.ofNullable(commands.get(name));
        }
    }

    private static final class Output {
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();

        CommandResult result(int exitCode) {
            return new CommandResult(stdout.toString(), stderr.toString(), exitCode);
        }
    }
}
