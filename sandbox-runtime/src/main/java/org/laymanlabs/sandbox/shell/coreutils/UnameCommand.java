package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * Mirrors GNU coreutils uname (src/uname.c): it prints what the kernel's uname(2) says. A
 * container has no kernel of its own, so inside one it prints the same release as on the
 * machine that runs it; only the node name (the container's hostname) differs, because that
 * lives in the container's UTS namespace.
 */
public final class UnameCommand implements Command {

    /** The kernel of a machine, as uname(2) reports it. */
    public record Kernel(String release, String version, String machine) {

        /** The learner's machine, which is also the Docker engine's host (docker info shows the same release). */
        public static final Kernel LEARNER_MACHINE = new Kernel("6.8.0-60-generic",
                "#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025", "x86_64");
    }

    private final Kernel kernel;
    private final Hostname hostname;

    /** The machine's hostname, read at each run; serializable, as a sandbox's checkpoint keeps it. */
    @FunctionalInterface
    public interface Hostname extends Supplier<String>, java.io.Serializable {
    }

    public UnameCommand(Kernel kernel, Hostname hostname) {
        this.kernel = kernel;
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return "uname";
    }

    @Override
    public String usage() {
        return "uname [OPTION]...";
    }

    @Override
    public String summary() {
        return "Print system information: the kernel's name, release and version, the host name.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        // The fields in uname.c's order: -s -n -r -v -m -p -i -o.
        boolean[] wanted = new boolean[8];
        for (String arg : invocation.args()) {
            if (arg.equals("--all")) {
                java.util.Arrays.fill(wanted, true);
                continue;
            }
            String longIndex = "--kernel-name --nodename --kernel-release --kernel-version --machine --processor "
                    + "--hardware-platform --operating-system";
            int named = List.of(longIndex.split(" ")).indexOf(arg);
            if (named >= 0) {
                wanted[named] = true;
                continue;
            }
            if (!arg.startsWith("-") || arg.startsWith("--") || arg.length() < 2) {
                return arg.startsWith("-")
                        ? usageError("unrecognized option '" + arg + "'")
                        : usageError("extra operand '" + arg + "'");
            }
            for (char c : arg.substring(1).toCharArray()) {
                int index = "snrvmpio".indexOf(c);
                if (c == 'a') {
                    java.util.Arrays.fill(wanted, true);
                } else if (index < 0) {
                    return usageError("invalid option -- '" + c + "'");
                } else {
                    wanted[index] = true;
                }
            }
        }
        boolean any = false;
        for (boolean w : wanted) {
            any |= w;
        }
        if (!any) {
            wanted[0] = true;
        }
        String[] values = {"Linux", hostname.get(), kernel.release(), kernel.version(), kernel.machine(),
            kernel.machine(), kernel.machine(), "GNU/Linux"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (wanted[i]) {
                out.add(values[i]);
            }
        }
        return CommandResult.ok(String.join(" ", out) + "\n");
    }

    private static CommandResult usageError(String message) {
        return CommandResult.error("uname: " + message + "\nTry 'uname --help' for more information.\n", 1);
    }
}
