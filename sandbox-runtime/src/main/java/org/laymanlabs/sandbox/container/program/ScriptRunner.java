package org.laymanlabs.sandbox.container.program;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * Runs a shell script as a container's process, step by step ({@link ScriptStep}) through the
 * sandbox's shell over the container's files, each step's output into the container's log at
 * the time it is written. A {@code sleep} pauses the script on the sandbox's clock: the next step
 * runs when that much virtual time has passed (so {@code echo a; sleep 5; echo b} logs b five
 * seconds after a, and the process exits then), and {@code sleep infinity} never goes on. The
 * learner's terminal does not wait for any of it. A step that is a lone program the shell does
 * not know ({@code python3 -m http.server}) is exec'd, as sh would fork it. Errors use the wording
 * of the image's sh: dash's "sh: 3: foo: not found" or BusyBox ash's "sh: foo: not found".
 */
final class ScriptRunner {

    private final ProcessContext context;
    private final String name;
    private final boolean execs;
    /** Steps a script runs before it yields to the rest of the sandbox, if it does not sleep first. */
    private static final int SLICE = 100;
    private static final Duration PREEMPTED = Duration.ofMillis(100);
    private static final int SYNTAX_ERROR = 2;

    private final Map<Integer, Deque<String>> forWords = new HashMap<>();
    /** Each running while, until or for loop's status so far: its body's last, 0 before the body runs. */
    private final Map<Integer, Integer> loopStatus = new HashMap<>();
    private List<Instruction> program = List.of();
    private int pc;
    /** Steps run since the script last paused for at least {@link #PREEMPTED}: its time slice so far. */
    private int sliceUsed;
    private CommandLineShell shell;
    private Optional<Duration> sleep = Optional.empty();
    private boolean forever;

    /** @param name the script's name in error messages: {@code sh} for {@code sh -c}, else the file */
    ScriptRunner(ProcessContext context, String name) {
        this(context, name, true);
    }

    /**
     * @param execs false when this runner is itself what execve found for the line's program (a
     *              tool the shell lacks, such as BusyBox's wget): exec'ing it again would find the
     *              same binary and recurse without end, so the shell answers for it instead
     */
    private ScriptRunner(ProcessContext context, String name, boolean execs) {
        this.context = context;
        this.name = name;
        this.execs = execs;
    }

    /** A runner for one tool that execve found but no program implements: it runs in the shell or is not found. */
    static ScriptRunner forTool(ProcessContext context) {
        return new ScriptRunner(context, "sh", false);
    }

    /** Runs the script up to its first sleep (or to its end, and then the process exits). */
    void runToEnd(String script) {
        List<Command> commands = new ArrayList<>(context.commands());
        commands.removeIf(c -> c.name().equals("sleep"));
        commands.add(new PausingSleep());
        shell = new CommandLineShell(commands, context.files(), "root");
        if (context.files().isDirectory(context.workingDir())) {
            shell.run("cd " + quote(context.workingDir()));
        }
        try {
            program = CompoundCommands.compile(script);
        } catch (ShSyntaxError e) {
            context.stderr(name + ": " + e.render(context.files().exists("/bin/busybox")));
            context.exit(SYNTAX_ERROR);
            return;
        }
        resume();
    }

    /**
     * Runs instructions until a step sleeps, the script ends, or its time slice is used up. A
     * script that never sleeps ({@code while true; do :; done}) is a busy process: it gets
     * {@link #SLICE} steps, then the rest of the sandbox gets {@link #PREEMPTED} of virtual time
     * before it goes on, so it can neither hold the sandbox's thread nor fire timers without end.
     */
    private void resume() {
        while (pc < program.size()) {
            if (context.exited()) {
                return;
            }
            if (++sliceUsed > SLICE) {
                sliceUsed = 0;
                context.clock().schedule(PREEMPTED, this::resume);
                return;
            }
            Instruction instruction = program.get(pc++);
            if (instruction instanceof Instruction.Run run) {
                if (!run(run)) {
                    return;
                }
            } else {
                control(instruction);
            }
            if (shell.hasExited()) {
                break;
            }
            if (forever) {
                return;
            }
            if (sleep.isPresent()) {
                Duration pause = sleep.get();
                sleep = Optional.empty();
                if (pause.compareTo(PREEMPTED) >= 0) {
                    sliceUsed = 0; // a real pause gives the slice back; `sleep 0` in a loop does not
                }
                context.clock().schedule(pause, this::resume);
                return;
            }
        }
        if (!context.exited()) {
            context.exit(shell.lastExitCode());
        }
    }

    /** Runs one pipeline; false if it exec'd another program, which ends the script. */
    private boolean run(Instruction.Run run) {
        ScriptStep step = run.step();
        if (!step.runsAfter(shell.lastExitCode()) || step.text().startsWith("set -")) {
            return true;
        }
        if (!run.negated() && execsAProgram(step.text())) {
            return false;
        }
        CommandResult result = shell.run(step.text());
        for (OutputChunk chunk : result.output()) {
            boolean stdout = chunk.stream() == OutputChunk.Stream.STDOUT;
            emit(stdout ? chunk.text() : dialect(chunk.text(), step.line()), stdout);
        }
        if (run.negated()) {
            shell.setLastExitCode(result.exitCode() == 0 ? 1 : 0);
        }
        return true;
    }

    private void control(Instruction instruction) {
        if (instruction instanceof Instruction.Jump jump) {
            if (jump.when().holdsAfter(shell.lastExitCode())) {
                pc = jump.target();
            }
        } else if (instruction instanceof Instruction.Status status) {
            shell.setLastExitCode(status.code());
        } else if (instruction instanceof Instruction.ForStart start) {
            forWords.put(start.loop(), new ArrayDeque<>(shell.expandWords(start.words())));
            loopStatus.put(start.loop(), 0);
        } else if (instruction instanceof Instruction.ForNext next) {
            Deque<String> words = forWords.get(next.loop());
            if (words.isEmpty()) {
                pc = next.end();
            } else {
                shell.setVariable(next.variable(), words.poll());
            }
        } else if (instruction instanceof Instruction.Remember remember) {
            loopStatus.put(remember.loop(), shell.lastExitCode());
        } else if (instruction instanceof Instruction.Recall recall) {
            Integer status = loopStatus.remove(recall.loop());
            shell.setLastExitCode(status == null ? 0 : status);
        }
    }

    private boolean execsAProgram(String line) {
        if (!execs) {
            return false;
        }
        String body = line.startsWith("exec ") ? line.substring(5).strip() : line;
        if (body.matches(".*[;&|<>$`*?\\[].*")) {
            return false;
        }
        List<String> argv = words(body);
        if (argv.isEmpty() || commandsHave(argv.get(0)) || argv.get(0).equals("sleep")) {
            return false;
        }
        // Only an executable file is exec'd; for anything else the shell gives sh's own error. A
        // script without #! fails execve with ENOEXEC, and dash and ash then run it themselves.
        Optional<String> file = executable(argv.get(0));
        if (file.isEmpty() || scriptWithoutInterpreter(file.get())) {
            return false;
        }
        context.exec(argv);
        return true;
    }

    private Optional<String> executable(String program) {
        List<String> candidates = new ArrayList<>();
        if (program.contains("/")) {
            candidates.add(FileSystem.resolve(context.workingDir(), "/root", program));
        } else {
            String path = context.env().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            for (String dir : path.split(":")) {
                candidates.add(dir + "/" + program);
            }
        }
        return candidates.stream().filter(c -> context.files().stat(c)
                .filter(s -> !s.isDirectory() && s.anyExecute()).isPresent()).findFirst();
    }

    /** A text file (all of its bytes readable as text, unlike a stand-in binary) that does not start with #!. */
    private boolean scriptWithoutInterpreter(String path) {
        String text = context.files().read(path);
        long size = context.files().stat(path).map(FileStat::size).orElse(-1L);
        return text.getBytes(StandardCharsets.UTF_8).length == size && !text.startsWith("#!");
    }

    private boolean commandsHave(String command) {
        return context.commands().stream().anyMatch(c -> c.name().equals(command))
                || List.of("echo", "cd", "pwd", "export", "true", "false", "exit", "help").contains(command);
    }

    /** The sandbox shell speaks bash; a container's sh is dash ("sh: 1: foo: not found") or BusyBox ash. */
    private String dialect(String stderr, int line) {
        boolean busybox = context.files().exists("/bin/busybox");
        String prefix = busybox ? name + ": " : name + ": " + line + ": ";
        return stderr.replaceAll("(?m)^bash: (.+): command not found$", prefix + "$1: not found")
                .replaceAll("(?m)^bash: ", prefix);
    }

    private void emit(String text, boolean stdout) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n")) {
            if (stdout) {
                context.stdout(line);
            } else {
                context.stderr(line);
            }
        }
    }

    /** Splits a command line into words, honouring single and double quotes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** sleep as a container's script runs it: it checks its operands, then the script waits that long. */
    private final class PausingSleep implements Command {

        @Override
        public String name() {
            return "sleep";
        }

        @Override
        public String usage() {
            return "sleep NUMBER[SUFFIX]...";
        }

        @Override
        public String summary() {
            return "Pause for NUMBER seconds.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            if (invocation.args().isEmpty()) {
                return CommandResult.error("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
            }
            Duration total = Duration.ZERO;
            for (String arg : invocation.args()) {
                if (arg.equals("infinity")) {
                    forever = true;
                    return CommandResult.ok("");
                }
                Optional<Duration> d = Sleep.parse(arg);
                if (d.isEmpty()) {
                    return CommandResult.error("sleep: invalid time interval '" + arg
                            + "'\nTry 'sleep --help' for more information.\n", 1);
                }
                total = total.plus(d.get());
            }
            sleep = Optional.of(total);
            return CommandResult.ok("");
        }
    }
}
