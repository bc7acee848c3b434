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

    private final Container container;
    private final ContainerRuntime runtime;

    ExecSession(Container container, ContainerRuntime runtime) {
        this.container = container;
        this.runtime = runtime;
    }

    Execution start(List<String> argv, String workingDir, OutputSink out) {
        String cwd = workingDir.isEmpty() ? (container.workingDir().isEmpty() ? "/" : container.workingDir()) : workingDir;
        ProgramRegistry.Lookup found = container.programs.lookup(container.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(container), cwd);
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            int status = missing.message().endsWith("permission denied") ? CANNOT_EXECUTE : NOT_FOUND;
            out.out("OCI runtime exec failed: exec failed: unable to start container process: " + missing.message()
                    + ": unknown\n");
            return Execution.finished(status);
        }
        HostResolver resolver = runtime.resolverFor(container);
        List<Command> commands = runtime.tools().commandsFor(container, resolver, true);
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String line;
        if (List.of("sh", "ash", "bash", "dash").contains(name)) {
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
