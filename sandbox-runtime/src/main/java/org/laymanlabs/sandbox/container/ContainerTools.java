package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.program.RedisCli;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.laymanlabs.sandbox.net.curl.CurlCommand;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;
import org.laymanlabs.sandbox.shell.coreutils.UnameCommand;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The commands a shell inside a container can run: the shell's builtins, plus each tool whose
 * binary the container's image holds on $PATH (a busybox binary is all of its applets), so that
 * {@code ls} works in busybox and nginx, {@code curl} in nginx, {@code redis-cli} in redis, and
 * nothing at all in http-echo's empty image.
 */
final class ContainerTools {

    private final VirtualClock clock;
    private final Connector connector;
    /**
     * The sandbox's own, shared by its containers: instances every sandbox of the JVM shared would
     * be copies in a restored sandbox, and its next containers would hold the JVM's again, so its
     * checkpoint would carry both and differ from the original's.
     */
    private final List<Command> builtins = captureBuiltins();

    ContainerTools(VirtualClock clock, Connector connector) {
        this.clock = clock;
        this.connector = connector;
    }

    /** The tools for processes of this container; {@code withSleep} adds the clock-advancing sleep (for exec). */
    List<Command> commandsFor(Container container, HostResolver resolver, boolean withSleep) {
        UnionView root = container.rootfs().view();
        String path = pathOf(container);
        PathSearch search = new PathSearch(root, path);
        List<Command> commands = new ArrayList<>(builtins);
        for (Command tool : Coreutils.all(clock)) {
            if (search.has(tool.name())) {
                commands.add(tool);
            }
        }
        if (withSleep && search.has("sleep")) {
            commands.add(Coreutils.sleep(clock));
        }
        if (search.has("uname")) {
            // A container runs on the engine host's kernel: it has none of its own to report.
            commands.add(new UnameCommand(UnameCommand.Kernel.LEARNER_MACHINE, container::shortId));
        }
        if (search.has("curl")) {
            commands.add(new CurlCommand(connector, clock, () -> container.namespace, resolver));
        }
        if (search.has("redis-cli")) {
            commands.add(new RedisCli(connector, () -> container.namespace, resolver));
        }
        commands.addAll(DnsTools.of(search, container, connector, clock));
        return commands;
    }

    static String pathOf(Container container) {
        return container.env().stream().filter(e -> e.startsWith("PATH=")).map(e -> e.substring(5)).findFirst()
                .orElse("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }

    /** The shell's builtins (echo, cd, pwd, export, true, false, exit, help), as a shell lists them. */
    private static List<Command> captureBuiltins() {
        List<Command> captured = new ArrayList<>();
        Command probe = new Command() {
            @Override
            public String name() {
                return "builtins-probe";
            }

            @Override
            public String usage() {
                return name();
            }

            @Override
            public String summary() {
                return name();
            }

            @Override
            public CommandResult run(Invocation invocation) {
                invocation.shell().commands().stream().filter(c -> c != this).forEach(captured::add);
                return CommandResult.ok("");
            }
        };
        CommandLineShell.withBuiltinsAnd(List.of(probe)).run(probe.name());
        return List.copyOf(captured);
    }
}
