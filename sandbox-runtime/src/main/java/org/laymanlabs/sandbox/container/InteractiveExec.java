package org.laymanlabs.sandbox.container;

import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.InteractiveShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A container's shell reading the learner's terminal: {@code docker exec -it web sh} (runc exec
 * of an interactive shell beside PID 1) or {@code kubectl exec -it}. Each typed line runs in the
 * container's files and namespace as {@code sh -c} would run it, in one shell whose working
 * directory, variables and {@code $?} last from line to line. It speaks the image's own shell:
 * BusyBox ash, Debian's dash as {@code sh}, or bash, with their prompts (ash's {@code / # }, dash's
 * {@code # }, bash's {@code root@host:/# } from Debian's /etc/bash.bashrc) and error wording. Without a TTY
 * ({@code docker exec -i}) the shell is not interactive: it shows no prompt and words its errors as
 * a script's. When the container's PID 1 ends, the kernel kills the shell with the rest of the PID
 * namespace, and the session ends with 137.
 */
final class InteractiveExec extends InteractiveShell {

    private static final int KILLED = 137;

    /** The shell that runs, by its own name: how it prompts and words its errors. */
    enum Kind { ASH, DASH, BASH }

    private final Kind kind;
    private final String name;
    private final boolean tty;
    private final String hostname;

    private InteractiveExec(CommandLineShell shell, OutputSink out, Kind kind, String name, boolean tty, String hostname) {
        super(shell, out);
        this.kind = kind;
        this.name = name;
        this.tty = tty;
        this.hostname = hostname;
    }

    /**
     * Opens the session and follows the container: it ends with 137 once the PID 1 it joined has
     * exited (a stop, a kill, a crash), as the exec'd shell dies with its PID namespace.
     */
    static InteractiveExec open(Container container, CommandLineShell shell, String program, boolean tty, String hostname,
                                VirtualClock clock, OutputSink out) {
        Kind kind = switch (program) {
            case "bash" -> Kind.BASH;
            case "dash" -> Kind.DASH;
            case "ash" -> Kind.ASH;
            default -> container.files().exists("/bin/busybox") ? Kind.ASH : Kind.DASH;
        };
        InteractiveExec session = new InteractiveExec(shell, out, kind, program, tty, hostname);
        ContainerProcess joined = container.pid1;
        session.onEveryTick(clock, () -> {
            if (container.pid1 != joined || joined.exited()) {
                session.end(KILLED);
            }
        });
        return session;
    }

    @Override
    public String prompt() {
        if (!tty) {
            return "";
        }
        return switch (kind) {
            case ASH -> tildeCwd() + " # ";
            case DASH -> "# ";
            case BASH -> "root@" + hostname + ":" + tildeCwd() + "# ";
        };
    }

    /**
     * The sandbox's shell speaks bash; ash says "sh: foo: not found", dash "sh: 3: foo: not found"
     * (numbering the line of input), and bash reading a terminal "bash: foo: command not found",
     * but "bash: line 3: …" reading a pipe. Each chunk is one write of whole lines.
     */
    @Override
    protected String dialect(String stderr, int line) {
        return switch (kind) {
            case ASH -> stderr.replaceAll("(?m)^bash: (.+): command not found$", name + ": $1: not found")
                    .replaceAll("(?m)^bash: ", name + ": ");
            case DASH -> stderr.replaceAll("(?m)^bash: (.+): command not found$", name + ": " + line + ": $1: not found")
                    .replaceAll("(?m)^bash: ", name + ": " + line + ": ");
            case BASH -> tty ? stderr : stderr.replaceAll("(?m)^bash: ", "bash: line " + line + ": ");
        };
    }

    /** Interactive bash says "exit" as it leaves; ash and dash say nothing. */
    @Override
    protected void leaving(OutputSink terminal) {
        if (kind == Kind.BASH && tty) {
            terminal.err("exit\n");
        }
    }
}
