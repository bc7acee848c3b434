package org.laymanlabs.sandbox.container.program;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * Runs a shell script as a container's process: each line through the sandbox's shell over the
 * container's files, its output into the container's log. A {@code sleep} in the script does not
 * move the sandbox's clock (the learner's terminal is not waiting on it); the process stays alive
 * for the time slept instead, or for ever after {@code sleep infinity}. A line that is a lone
 * program the shell does not know ({@code python3 -m http.server}) is exec'd, as sh would fork it.
 */
final class ScriptRunner {

    private final ProcessContext context;
    private Duration slept = Duration.ZERO;
    private boolean forever;

    ScriptRunner(ProcessContext context) {
        this.context = context;
    }

    /** Runs the script and ends the process: at once, or once its sleeps are over. */
    void runToEnd(String script) {
        List<Command> commands = new ArrayList<>(context.commands());
        commands.removeIf(c -> c.name().equals("sleep"));
        commands.add(new RecordingSleep());
        CommandLineShell shell = new CommandLineShell(commands, context.files(), "root");
        if (context.files().isDirectory(context.workingDir())) {
            shell.run("cd " + quote(context.workingDir()));
        }
        for (String raw : script.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("set -")) {
                continue;
            }
            if (execsAProgram(line, shell)) {
                return;
            }
            boolean toStderr = line.endsWith(">&2");
            CommandResult result = shell.run(toStderr ? line.substring(0, line.length() - 3) : line);
            for (OutputChunk chunk : result.output()) {
                emit(chunk.text(), !toStderr && chunk.stream() == OutputChunk.Stream.STDOUT);
            }
            if (shell.hasExited()) {
                break;
            }
        }
        finish(shell.lastExitCode());
    }

    private boolean execsAProgram(String line, CommandLineShell shell) {
        String body = line.startsWith("exec ") ? line.substring(5).strip() : line;
        if (body.matches(".*[;&|<>$`].*")) {
            return false;
        }
        List<String> argv = words(body);
        if (argv.isEmpty() || commandsHave(argv.get(0)) || argv.get(0).equals("sleep")) {
            return false;
        }
        context.exec(argv);
        return true;
    }

    private boolean commandsHave(String name) {
        return context.commands().stream().anyMatch(c -> c.name().equals(name))
                || List.of("echo", "cd", "pwd", "export", "true", "false", "exit", "help").contains(name);
    }

    private void finish(int status) {
        if (forever) {
            return;
        }
        if (slept.isZero()) {
            context.exit(status);
        } else {
            context.clock().schedule(slept, () -> {
                if (!context.exited()) {
                    context.exit(status);
                }
            });
        }
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

    /** sleep as a container's script sees it: time passes for the process, not for the terminal. */
    private final class RecordingSleep implements Command {

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
            for (String arg : invocation.args()) {
                if (arg.equals("infinity")) {
                    forever = true;
                } else {
                    Sleep.parse(arg).ifPresent(d -> slept = slept.plus(d));
                }
            }
            return CommandResult.ok("");
        }
    }
}
