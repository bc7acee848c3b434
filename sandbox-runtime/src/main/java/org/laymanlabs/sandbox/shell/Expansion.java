package org.laymanlabs.sandbox.shell;

import java.util.OptionalInt;
import org.laymanlabs.sandbox.OutputChunk;

/**
 * One simple command's expansions, as bash performs them just before the command runs. A command
 * substitution runs its script in a subshell (a copy of the shell's variables and directory, so
 * that {@code $(cd /; X=1)} changes nothing outside), its stdout captured and its stderr sent
 * where the command's stderr goes. The status of the last substitution is kept, because bash
 * makes it {@code $?} of a command that turns out to have no command word ({@code X=$(false)}).
 *
 * <p>A command inside a substitution that would follow something ({@code $(kubectl get pods -w)})
 * is cut off at what it printed at once, the rule {@link org.laymanlabs.sandbox.Shell#run} states:
 * a real bash would wait for it for ever, and nothing in the sandbox may wait.
 */
final class Expansion implements Word.Expander {

    private final CommandLineShell shell;
    private final ShellState state;
    private final Redirections.Destination stderr;
    private final int outputLimit;
    private OptionalInt lastStatus = OptionalInt.empty();

    Expansion(CommandLineShell shell, ShellState state, Redirections.Destination stderr, int outputLimit) {
        this.shell = shell;
        this.state = state;
        this.stderr = stderr;
        this.outputLimit = outputLimit;
    }

    @Override
    public String parameter(String name) {
        return state.parameter(name);
    }

    @Override
    public String substitute(String script) {
        Script parsed;
        try {
            parsed = Parser.parse(script);
        } catch (ShellSyntaxException e) {
            stderr.accept("bash: command substitution: " + e.getMessage() + "\n");
            lastStatus = OptionalInt.of(2);
            return "";
        }
        StringBuilder captured = new StringBuilder();
        Job job = new Job(shell, state.subshell(), parsed, new CappedOutput((stream, text) -> {
            if (stream == OutputChunk.Stream.STDOUT) {
                captured.append(text);
            } else {
                stderr.accept(text);
            }
        }, outputLimit));
        job.proceed();
        // Nothing waits for a substitution: a following command, and even an interactive shell, is cut off.
        job.cutOff();
        lastStatus = OptionalInt.of(job.status());
        int end = captured.length();
        while (end > 0 && captured.charAt(end - 1) == '\n') {
            end--;
        }
        return captured.substring(0, end);
    }

    /** The status of the last command substitution, if the command had one. */
    OptionalInt lastSubstitutionStatus() {
        return lastStatus;
    }
}
