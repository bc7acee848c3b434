package org.laymanlabs.sandbox.container;

import java.util.List;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;

/**
 * One {@code docker exec}: runc's exec of argv[0] in the container, found along the container's
 * $PATH. Tools (ls, cat, curl, redis-cli…) run in a shell over the container's files and in its
 * network namespace; {@code sh -c} runs its script there. A missing executable fails as runc
 * does, with status 127.
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

    ExecResult run(List<String> argv, String workingDir) {
        String cwd = workingDir.isEmpty() ? (container.workingDir().isEmpty() ? "/" : container.workingDir()) : workingDir;
        ProgramRegistry.Lookup found = ProgramRegistry.shared().lookup(container.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(container), cwd);
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            int status = missing.message().endsWith("permission denied") ? CANNOT_EXECUTE : NOT_FOUND;
            return new ExecResult("OCI runtime exec failed: exec failed: unable to start container process: "
                    + missing.message() + ": unknown\n", "", status);
        }
        HostResolver resolver = runtime.resolverFor(container);
        List<Command> commands = runtime.tools().commandsFor(container, resolver, true);
        CommandLineShell shell = new CommandLineShell(commands, container.files(), "root");
        if (container.files().isDirectory(cwd)) {
            shell.run("cd '" + cwd + "'");
        }
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String line;
        if (List.of("sh", "ash", "bash", "dash").contains(name)) {
            if (argv.size() < 3 || !argv.get(1).equals("-c")) {
                return new ExecResult("", "", 0);
            }
            line = argv.get(2);
        } else if (commands.stream().anyMatch(c -> c.name().equals(name))) {
            line = argv.stream().skip(1).map(ExecSession::quote).collect(Collectors.joining(" ", quote(name) + " ", ""));
        } else {
            return new ExecResult("", name + ": this program cannot be run with docker exec in the sandbox\n", 1);
        }
        CommandResult result = shell.run(line.strip());
        return new ExecResult(result.stdout(), dialect(result.stderr(), name), result.exitCode());
    }

    /**
     * The sandbox shell speaks bash; the image's sh is BusyBox ash ("sh: foo: not found") or dash
     * ("sh: 1: foo: not found"), and bash -c says "bash: line 1: foo: command not found".
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
