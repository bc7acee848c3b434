package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Shell;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * The sandbox's small bash: parses a line, then runs its lists, and-or chains and pipelines in
 * bash's order (see {@link Job}), expanding parameters just before each command runs and routing
 * its output through its redirections as it writes. Unknown commands fail as in bash, with status 127.
 */
public final class CommandLineShell implements Shell {

    private static final int SYNTAX_ERROR = 2;
    private static final int NOT_FOUND = 127;

    private final SortedMap<String, Command> commands = new TreeMap<>();
    private final ShellState state;
    private Job foreground;
    /** The line typed last: while it runs, the shell takes no other. */
    private Turn typed;
    /** What the foreground job wrote while no line was running (a session ended by its container's stop). */
    private CommandResult.Builder unattended = CommandResult.builder();
    private int outputLimit = Integer.MAX_VALUE;

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

    /**
     * Caps what one line may print at {@code chars} characters: the rest is dropped, with a notice,
     * so that a paste or a runaway command cannot fill the server's memory or the learner's browser.
     */
    public CommandLineShell limitingOutput(int chars) {
        this.outputLimit = chars;
        return this;
    }

    /**
     * Starts a line in the foreground. Parse errors and an exited shell answer at once; otherwise
     * a {@link Job} runs the line, pausing at a command that follows something until it ends.
     * While the foreground job waits on an {@link InteractiveShell} (a shell in a container), the
     * line is that shell's input instead.
     */
    @Override
    public RunningCommand start(String line, OutputSink out) {
        if (typed != null && !typed.isFinished()) {
            throw new IllegalStateException("a command is still running in this shell; interrupt or detach it first");
        }
        if (foreground != null && !foreground.isFinished() && foreground.reader() == null) {
            // A session ended between lines and the rest of its line went on following something:
            // nobody was there to watch it, so it is cut off as a detached line is.
            foreground.detach();
        }
        if (foreground != null && foreground.reader() != null) {
            typed = new Turn(foreground, out, outputLimit, takeUnattended());
            return typed.readBy(foreground.reader(), line);
        }
        CommandResult before = takeUnattended();
        if (state.exited) {
            CommandResult.Builder answer = CommandResult.builder();
            before.writeTo(answer);
            answer.err("bash: this shell has exited; open a new terminal to go on\n");
            CommandResult exited = answer.build(state.lastExitCode);
            exited.writeTo(out);
            return Job.answered(exited);
        }
        Script script;
        try {
            script = Parser.parse(line);
        } catch (ShellSyntaxException e) {
            state.lastExitCode = SYNTAX_ERROR;
            CommandResult.Builder answer = CommandResult.builder();
            before.writeTo(answer);
            answer.err("bash: " + e.getMessage() + "\n");
            CommandResult error = answer.build(SYNTAX_ERROR);
            error.writeTo(out);
            return Job.answered(error);
        }
        foreground = new Job(this, state, script, (stream, text) -> unattended.write(stream, text));
        typed = new Turn(foreground, out, outputLimit, before);
        foreground.proceed();
        return typed;
    }

    private CommandResult takeUnattended() {
        CommandResult taken = unattended.build(0);
        unattended = CommandResult.builder();
        return taken;
    }

    /** The prompt the terminal shows before the next line: bash's, or that of the shell the line would go to. */
    @Override
    public String prompt() {
        InteractiveShell reader = foreground == null ? null : foreground.reader();
        if (reader != null) {
            return reader.prompt();
        }
        String user = state.variables.getOrDefault("USER", "learner");
        String home = state.files.home();
        String cwd = state.cwd.equals(home) || state.cwd.startsWith(home + "/") && !home.equals("/")
                ? "~" + state.cwd.substring(home.length()) : state.cwd;
        // Ubuntu's PS1 (user@host:cwd$ ): the terminal always opens on the learner's laptop.
        return user + "@laptop:" + cwd + (user.equals("root") ? "# " : "$ ");
    }

    /** The files the next line runs over: the workspace, or those of the container whose shell reads the terminal. */
    @Override
    public FileSystem files() {
        InteractiveShell reader = foreground == null ? null : foreground.reader();
        return reader != null ? reader.files() : state.files;
    }

    /** The directory the next line runs in, an absolute path in {@link #files()}. */
    @Override
    public String cwd() {
        InteractiveShell reader = foreground == null ? null : foreground.reader();
        return reader != null ? reader.cwd() : state.cwd;
    }

    /** A shell variable's value, as {@code $NAME} expands. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(state.parameter(name));
    }

    /** For an interactive shell: runs once the line started last has ended. */
    void whenForegroundEnds(Job.Epilogue then) {
        foreground.whenEnded(then);
    }

    /**
     * Starts one simple command of a pipeline: expands its words (parameters and command
     * substitutions, split into fields, then pathnames against the files it runs in), opens its
     * redirections, and starts the command with its output routed through them.
     *
     * @param state  the shell it runs in: this shell's, or a command substitution's subshell
     * @param last   whether it is the pipeline's last stage, whose stdout is the terminal's
     * @param stdout where its fd 1 points: the terminal, or the pipe to the next stage
     * @param stderr where its fd 2 points: the terminal
     */
    Execution startStage(ShellState state, Script.SimpleCommand simple, String pipedIn, boolean subshell, boolean last,
                         Redirections.Destination stdout, Redirections.Destination stderr) {
        boolean toTerminal = last && simple.redirects().stream().noneMatch(r -> r.operator().matches(">|>>|&>"));
        Context context = new Context(state, subshell, toTerminal);
        Expansion expansion = new Expansion(this, state, stderr, outputLimit);
        List<String> assignments = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        boolean prefix = true;
        for (Word word : simple.words()) {
            // Assignments before the command are neither split nor globbed; the command's words are.
            prefix &= isAssignment(word);
            if (prefix) {
                assignments.add(word.expand(expansion));
            } else {
                argv.addAll(word.fields(expansion, state.files, state.cwd));
            }
        }
        Redirections redirections = new Redirections(state, simple.redirects(), expansion);
        try {
            String stdin = redirections.open(pipedIn);
            OutputSink out = redirections.route(stdout, stderr);
            if (argv.isEmpty()) {
                // Assignments alone set shell variables; redirections alone still create their files;
                // the status is the last command substitution's, as bash(1) says under SIMPLE COMMAND EXPANSION.
                assignments.forEach(state::assign);
                return Execution.finished(expansion.lastSubstitutionStatus().orElse(0));
            }
            return state.withTemporaryVariables(assignments, () -> execute(state, argv, stdin, context, out));
        } catch (FileSystemException e) {
            stderr.accept("bash: " + e.path() + ": " + e.reason().text() + "\n");
            return Execution.finished(1);
        }
    }

    private Execution execute(ShellState state, List<String> argv, String stdin, Context context, OutputSink out) {
        if (argv.get(0).contains("/")) {
            return PathCommand.start(argv, stdin, context, commands.values(), state.variables.get("USER"), out);
        }
        Command command = commands.get(argv.get(0));
        if (command == null) {
            out.err("bash: " + argv.get(0) + ": command not found\n");
            return Execution.finished(NOT_FOUND);
        }
        return command.start(new Invocation(argv.subList(1, argv.size()), stdin, context), out);
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

    /**
     * Sets {@code $?} as a compound command does when it ends (an {@code if} that took no branch
     * is 0): for a container's sh, which runs its if, while and for around this shell's lines.
     */
    public void setLastExitCode(int status) {
        state.lastExitCode = status;
    }

    /** Sets a shell variable, as a {@code for} loop assigns its next word. */
    public void setVariable(String name, String value) {
        state.variables.put(name, value);
    }

    /**
     * The fields that {@code words} expand to, as a {@code for} loop's word list does: split,
     * substituted and globbed like a command's arguments. A syntax error gives no words.
     */
    public List<String> expandWords(String words) {
        List<String> fields = new ArrayList<>();
        try {
            Expansion expansion = new Expansion(this, state, text -> { }, outputLimit);
            for (Token token : Lexer.tokenize(words)) {
                if (token.kind() == Token.Kind.WORD) {
                    fields.addAll(token.word().fields(expansion, state.files, state.cwd));
                }
            }
        } catch (ShellSyntaxException e) {
            return List.of();
        }
        return fields;
    }

    /** The shell as one command sees it; a pipe stage gets a subshell whose exit ends nothing. */
    private final class Context implements ShellContext {

        private final ShellState state;
        private final boolean subshell;
        private final boolean toTerminal;

        Context(ShellState state, boolean subshell, boolean toTerminal) {
            this.state = state;
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

}
