package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.socket.SocketTable;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * A program started by {@code docker exec} (runc exec): it joins the container's files and
 * namespace beside PID 1, and its output goes to the exec's client as written, not to the
 * container's log. It lives until it exits, or until the container's PID 1 ends, when the kernel
 * kills it with the rest of the PID namespace (status 137). Ctrl-C ends only the client (docker
 * exec without a TTY forwards no signals): the program goes on in the container.
 */
final class ExecProcess extends Execution implements ProcessContext {

    private static final int INTERRUPTED = 130;
    private static final int KILLED = 137;

    private final Container container;
    private final ContainerProcess pid1;
    private final VirtualClock clock;
    private final Connector connector;
    private final HostResolver resolver;
    private final List<Command> commands;
    private final String workingDir;
    private final List<Listener> listeners = new ArrayList<>();
    private List<String> argv;
    private OutputSink out;
    private boolean exited;

    ExecProcess(Container container, List<String> argv, String workingDir, VirtualClock clock, Connector connector,
                HostResolver resolver, List<Command> commands, OutputSink out) {
        this.container = container;
        this.pid1 = container.pid1;
        this.clock = clock;
        this.argv = List.copyOf(argv);
        this.workingDir = workingDir;
        this.connector = connector;
        this.resolver = resolver;
        this.commands = commands;
        this.out = out;
    }

    /** Starts the program found for argv[0]; unless it ended at once, the exec follows it on the clock. */
    ExecProcess start(ProgramRegistry.Lookup.Found found) {
        found.program().start(this);
        onEveryTick(clock(), () -> {
            if (!exited && container.pid1 != pid1) {
                closeSockets();
                exited = true;
                finish(KILLED);
            }
        });
        return this;
    }

    @Override
    public void interrupt() {
        out = OutputSink.DISCARD;
        finish(INTERRUPTED);
    }

    @Override
    public void detach() {
        out = OutputSink.DISCARD;
        finish(0);
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : container.env()) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return env;
    }

    @Override
    public FileSystem files() {
        return container.files();
    }

    @Override
    public String workingDir() {
        return workingDir;
    }

    @Override
    public NetworkNamespace network() {
        return container.namespace;
    }

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public HostResolver resolver() {
        return resolver;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public String hostname() {
        return container.shortId();
    }

    @Override
    public void stdout(String line) {
        out.out(line + "\n");
    }

    @Override
    public void stderr(String line) {
        out.err(line + "\n");
    }

    @Override
    public Optional<String> listen(int port, ConnectionHandler handler) {
        String owner = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        Listener listener = new Listener(Protocol.TCP, Ipv4Address.ANY, port, owner, handler);
        try {
            container.namespace.sockets().listen(listener);
        } catch (SocketTable.AddressInUseException e) {
            return Optional.of("Address already in use");
        }
        listeners.add(listener);
        return Optional.empty();
    }

    @Override
    public void exit(int status) {
        if (exited) {
            return;
        }
        closeSockets();
        exited = true;
        finish(status);
    }

    private void closeSockets() {
        if (container.namespace != null) {
            listeners.forEach(container.namespace.sockets()::close);
        }
        listeners.clear();
    }

    /** The exec'd process is charged to the container's memory cgroup; over the limit, the OOM killer picks it. */
    @Override
    public boolean allocate(long bytes) {
        container.memoryUsage += bytes;
        if (container.memoryLimit() == 0 || container.memoryUsage <= container.memoryLimit()) {
            return true;
        }
        container.memoryUsage -= bytes;
        closeSockets();
        exited = true;
        finish(KILLED);
        return false;
    }

    @Override
    public boolean exited() {
        return exited;
    }

    /** execve(2) in this process, as a wrapper script's {@code exec "$@"} does. */
    @Override
    public Process exec(List<String> newArgv) {
        argv = List.copyOf(newArgv);
        ProgramRegistry.Lookup found = container.programs.lookup(container.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(container), workingDir);
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            stderr(argv.get(0) + ": " + missing.message());
            exit(127);
            return Process.IGNORES_SIGNALS;
        }
        return ((ProgramRegistry.Lookup.Found) found).program().start(this);
    }

    @Override
    public List<Command> commands() {
        return commands;
    }
}
