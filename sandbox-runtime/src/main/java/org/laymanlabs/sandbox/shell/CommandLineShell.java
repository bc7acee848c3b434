package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Shell;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * The sandbox's small bash: parses a line, then runs its lists, and-or chains and pipelines in
 * bash's order, expanding parameters just before each command runs and applying its
 * redirections to the workspace. Unknown commands fail as in bash, with status 127.
 */
public final class CommandLineShell implements Shell {

    private static final int SYNTAX_ERROR = 2;
    private static final int NOT_FOUND = 127;

    private final SortedMap<String, Command> commands = new TreeMap<>();
    private final ShellState state;

    /** A shell with exactly these commands, over an empty workspace. */
    public CommandLineShell(Collection<Command> commands) {
        this(commands, new Workspace(), "learner");
    }

    /**
     * @param files the files its commands see: the learner's workspace, or a container's root
     * @param user  {@code $USER}: the learner on the laptop, root in most containers
     */
    public CommandLineShell(Collection<Command> commands, FileSystem files, String user) {
        commands.forEach(c -> this.commands.put(c.name(), c));
        this.state = new ShellState(files, user);
    }

    /** A shell that knows only the builtins, over an empty workspace. */
    public static CommandLineShell withBuiltins() {
        return withBuiltinsAnd(List.of());
    }

    /** A shell with the builtins and coreutils plus these programs (docker, ip, kubectl…), over an empty workspace. */
    public static CommandLineShell withBuiltinsAnd(List<Command> programs) {
        return withBuiltinsAnd(programs, new Workspace());
    }

    public static CommandLineShell withBuiltinsAnd(List<Command> programs, Workspace workspace) {
        return withBuiltinsAnd(programs, workspace, "learner");
    }

    /** A shell with the builtins and coreutils plus these programs over any file system, e.g. a container's root. */
    public static CommandLineShell withBuiltinsAnd(List<Command> programs, FileSystem files, String user) {
        List<Command> all = new ArrayList<>(Builtins.all());
        all.addAll(programs);
        return new CommandLineShell(all, files, user);
    }

    @Override
    public CommandResult run(String line) {
        if (state.exited) {
            return CommandResult.error("bash: this shell has exited; open a new terminal to go on\n", state.lastExitCode);
        }
        Script script;
        try {
            script = Parser.parse(line);
        } catch (ShellSyntaxException e) {
            state.lastExitCode = SYNTAX_ERROR;
            return CommandResult.error("bash: " + e.getMessage() + "\n", SYNTAX_ERROR);
        }
        Output output = new Output();
        for (Script.AndOr list : script.lists()) {
            runAndOr(list, output);
            if (state.exited) {
                break;
            }
        }
        return new CommandResult(output.stdout.toString(), output.stderr.toString(), state.lastExitCode);
    }

    private void runAndOr(Script.AndOr list, Output output) {
        runPipeline(list.first(), output);
        for (Script.Link link : list.rest()) {
            if (state.exited) {
                return;
            }
            if ((state.lastExitCode == 0) == link.runOnSuccess()) {
                runPipeline(link.pipeline(), output);
            }
        }
    }

    /** Each stage reads the previous stage's stdout; stages of a real pipe run in subshells, so exit there ends only the stage. */
    private void runPipeline(Script.Pipeline pipeline, Output output) {
        boolean subshell = pipeline.commands().size() > 1;
        String stdin = "";
        CommandResult last = null;
        List<Script.SimpleCommand> stages = pipeline.commands();
        for (Script.SimpleCommand command : stages) {
            boolean toTerminal = command == stages.get(stages.size() - 1)
                    && command.redirects().stream().noneMatch(r -> r.operator().matches(">|>>|&>"));
            last = runSimple(command, stdin, new Context(subshell, toTerminal));
            output.stderr.append(last.stderr());
            stdin = last.stdout();
        }
        output.stdout.append(last.stdout());
        state.lastExitCode = last.exitCode();
    }

    private CommandResult runSimple(Script.SimpleCommand simple, String pipedIn, Context context) {
        int firstCommandWord = 0;
        while (firstCommandWord < simple.words().size() && isAssignment(simple.words().get(firstCommandWord))) {
            firstCommandWord++;
        }
        List<String> words = new ArrayList<>();
        for (Word word : simple.words()) {
            // Assignments are not globbed; the command's words are matched against its files.
            if (words.size() < firstCommandWord) {
                words.add(word.expand(state::parameter));
            } else {
                words.addAll(word.fields(state::parameter, state.files, state.cwd));
            }
        }
        Redirections redirections = new Redirections(state, simple.redirects());
        try {
            String stdin = redirections.open(pipedIn);
            if (firstCommandWord == words.size()) {
                // Assignments alone set shell variables; redirections alone still create their files.
                words.forEach(assignment -> state.assign(assignment));
                return redirections.apply(CommandResult.ok(""));
            }
            List<String> argv = words.subList(firstCommandWord, words.size());
            return redirections.apply(state.withTemporaryVariables(words.subList(0, firstCommandWord),
                    () -> execute(argv, stdin, context)));
        } catch (FileSystemException e) {
            return CommandResult.error("bash: " + e.path() + ": " + e.reason().text() + "\n", 1);
        }
    }

    private CommandResult execute(List<String> argv, String stdin, Context context) {
        if (argv.get(0).contains("/")) {
            return PathCommand.run(argv, stdin, context, commands.values(), state.variables.get("USER"));
        }
        Command command = commands.get(argv.get(0));
        if (command == null) {
            return CommandResult.error("bash: " + argv.get(0) + ": command not found\n", NOT_FOUND);
        }
        return command.run(new Invocation(argv.subList(1, argv.size()), stdin, context));
    }

    private static boolean isAssignment(Word word) {
        return word.literalPrefix().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    @Override
    public boolean hasExited() {
        return state.exited;
    }

    @Override
    public int lastExitCode() {
        return state.lastExitCode;
    }

    /** The shell as one command sees it; a pipe stage gets a subshell whose exit ends nothing. */
    private final class Context implements ShellContext {

        private final boolean subshell;
        private final boolean toTerminal;

        Context(boolean subshell, boolean toTerminal) {
            this.subshell = subshell;
            this.toTerminal = toTerminal;
        }

        @Override
        public boolean stdoutIsTerminal() {
            return toTerminal;
        }

        @Override
        public int lastExitCode() {
            return state.lastExitCode;
        }

        @Override
        public void exit(int status) {
            if (!subshell) {
                state.exited = true;
                state.lastExitCode = status;
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

        @Override
        public FileSystem files() {
            return state.files;
        }

        @Override
        public String cwd() {
            return state.cwd;
        }

        @Override
        public void changeDirectory(String absolutePath) {
            if (!subshell) {
                state.changeDirectory(absolutePath);
            }
        }

        @Override
        public Optional<String> variable(String name) {
            return Optional.ofNullable(state.parameter(name));
        }

        @Override
        public void setVariable(String name, String value) {
            if (!subshell) {
                state.variables.put(name, value);
            }
        }
    }

    private static final class Output {
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();
    }
}
