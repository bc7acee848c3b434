package org.laymanlabs.sandbox.container;

import java.util.List;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * One {@code docker exec}: runc's exec of argv[0] in the container, found along the container's
 * $PATH. Tools (ls, cat, curl, redis-cli…) run in a shell over the container's files and in its
 * network namespace; {@code sh -c} runs its script there; any other program (nginx, python3,
 * redis-server…) starts as an {@link ExecProcess} beside PID 1 and runs until it exits. A missing
 * executable fails as runc does, with status 127.
 */
final class ExecSession {

    private static final int NOT_FOUND = 127;
    private static final int CANNOT_EXECUTE = 126;
    private static final int INTERRUPTED = 130;
    private static final List<String> SHELLS = List.of("sh", "ash", "bash", "dash");

    private final Container container;
    private final ContainerRuntime runtime;

    ExecSession(Container container, ContainerRuntime runtime) {
        this.container = container;
        this.runtime = runtime;
    }

    Execution start(List<String> argv, String workingDir, OutputSink out) {
        String cwd = cwd(workingDir);
        ProgramRegistry.Lookup found = container.programs.lookup(container.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(container), cwd);
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            return notFound(missing, out);
        }
        HostResolver resolver = runtime.resolverFor(container);
        List<Command> commands = runtime.tools().commandsFor(container, resolver, true);
        String name = nameOf(argv);
        String line;
        if (SHELLS.contains(name)) {
            if (argv.size() < 3 || !argv.get(1).equals("-c")) {
                return Execution.finished(0);
            }
            line = argv.get(2);
        } else if (commands.stream().anyMatch(c -> c.name().equals(name))) {
            line = argv.stream().skip(1).map(ExecSession::quote).collect(Collectors.joining(" ", quote(name) + " ", ""));
        } else {
            return new ExecProcess(container, argv, cwd, runtime.clock(), runtime.connector(), resolver, commands, out)
                    .start((ProgramRegistry.Lookup.Found) found);
        }
        CommandLineShell shell = new CommandLineShell(commands, container.files(), "root");
        if (container.files().isDirectory(cwd)) {
            shell.run("cd '" + cwd + "'");
        }
        CommandResult result = shell.run(line.strip());
        for (OutputChunk chunk : result.output()) {
            out.write(chunk.stream(), chunk.stream() == OutputChunk.Stream.STDERR
                    ? dialect(chunk.text(), name) : chunk.text());
        }
        return Execution.finished(result.exitCode());
    }

    /**
     * An exec whose stdin is the learner's terminal ({@code -i}) and which may have a TTY
     * ({@code -t}). A shell with no script to run ({@code sh}, {@code bash -l}) then reads the
     * terminal line by line ({@link InteractiveExec}); with a TTY but no stdin it prints its prompt
     * and waits for input that never comes, as the real one does, until Ctrl-C or the terminal goes;
     * anything else runs as a plain exec.
     *
     * @param hostname what the container calls itself: its short ID, or the pod's name
     */
    Execution startAttached(List<String> argv, String workingDir, boolean stdin, boolean tty, String hostname,
                            OutputSink out) {
        if (!readsTerminal(argv) || !(stdin || tty)) {
            return start(argv, workingDir, out);
        }
        String cwd = cwd(workingDir);
        ProgramRegistry.Lookup found = container.programs.lookup(container.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(container), cwd);
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            return notFound(missing, out);
        }
        CommandLineShell shell = new CommandLineShell(runtime.tools().commandsFor(container, runtime.resolverFor(container), true),
                container.files(), "root");
        for (String entry : container.env()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                shell.setVariable(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        if (container.files().isDirectory(cwd)) {
            shell.run("cd '" + cwd + "'");
        }
        InteractiveExec session = InteractiveExec.open(container, shell, nameOf(argv), tty, hostname, runtime.clock(), out);
        if (stdin) {
            return session;
        }
        out.err(session.prompt());
        return new WaitingForInput();
    }

    /** {@code -t} without {@code -i}: the shell sits at its prompt reading a terminal nobody writes to. */
    private static final class WaitingForInput extends Execution {

        @Override
        public void interrupt() {
            finish(INTERRUPTED);
        }

        @Override
        public void detach() {
            finish(0);
        }
    }

    /** Whether argv is a shell with no script to run ({@code sh}, {@code bash -l}): one that reads its stdin. */
    static boolean readsTerminal(List<String> argv) {
        return SHELLS.contains(nameOf(argv)) && argv.stream().skip(1).allMatch(a -> a.startsWith("-") && !a.equals("-c"));
    }

    private String cwd(String workingDir) {
        return workingDir.isEmpty() ? (container.workingDir().isEmpty() ? "/" : container.workingDir()) : workingDir;
    }

    private static String nameOf(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    }

    /** runc's exec of a program $PATH does not hold: 127, or 126 when it is there but cannot run. */
    private static Execution notFound(ProgramRegistry.Lookup.NotFound missing, OutputSink out) {
        int status = missing.message().endsWith("permission denied") ? CANNOT_EXECUTE : NOT_FOUND;
        out.out("OCI runtime exec failed: exec failed: unable to start container process: " + missing.message()
                + ": unknown\n");
        return Execution.finished(status);
    }

    /**
     * The sandbox shell speaks bash; the image's sh is BusyBox ash ("sh: foo: not found") or dash
     * ("sh: 1: foo: not found"), and bash -c says "bash: line 1: foo: command not found". Each
     * chunk is one write of whole lines, so rewriting chunk by chunk keeps the streams' order.
     */
    private String dialect(String stderr, String shell) {
        if (shell.equals("bash")) {
            return stderr.replaceAll("(?m)^bash: ", "bash: line 1: ");
        }
        String prefix = container.files().exists("/bin/busybox") ? "sh: " : "sh: 1: ";
        return stderr.replaceAll("(?m)^bash: (.+): command not found$", prefix + "$1: not found")
                .replaceAll("(?m)^bash: ", prefix);
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
