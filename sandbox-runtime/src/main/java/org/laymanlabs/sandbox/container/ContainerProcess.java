package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.socket.SocketTable;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * A container's PID 1 as the runtime gives it to a program: its argv, environment, files and
 * namespace; its output goes into the container's log with the time it was written; its
 * sockets close when it exits, and its exit goes to the runtime's monitor.
 */
final class ContainerProcess implements ProcessContext {

    private final Container container;
    private final ContainerRuntime runtime;
    private final Connector connector;
    private final HostResolver resolver;
    private final List<Command> commands;
    private final List<Listener> listeners = new ArrayList<>();
    private List<String> argv;
    private boolean exited;

    ContainerProcess(Container container, ContainerRuntime runtime, Connector connector, HostResolver resolver,
                     List<Command> commands) {
        this.container = container;
        this.runtime = runtime;
        this.connector = connector;
        this.resolver = resolver;
        this.commands = commands;
        this.argv = container.argv();
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
        return container.workingDir().isEmpty() ? "/" : container.workingDir();
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
        return runtime.clock();
    }

    @Override
    public String hostname() {
        return container.shortId();
    }

    @Override
    public void stdout(String line) {
        container.log(new LogEntry(clock().now(), LogEntry.Stream.STDOUT, line));
    }

    @Override
    public void stderr(String line) {
        container.log(new LogEntry(clock().now(), LogEntry.Stream.STDERR, line));
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
    public boolean stdinOpen() {
        return container.spec().openStdin() || container.spec().tty();
    }

    @Override
    public void exit(int status) {
        if (exited) {
            return;
        }
        closeSockets();
        exited = true;
        runtime.processExited(container, this, status);
    }

    /** Ends the process without the monitor's involvement (SIGKILL, whose exit the runtime records itself). */
    void closeSockets() {
        if (container.namespace != null) {
            listeners.forEach(container.namespace.sockets()::close);
        }
        listeners.clear();
    }

    void markKilled() {
        closeSockets();
        exited = true;
    }

    @Override
    public boolean allocate(long bytes) {
        return runtime.charge(container, bytes);
    }

    @Override
    public boolean exited() {
        return exited;
    }

    @Override
    public Process exec(List<String> newArgv) {
        argv = List.copyOf(newArgv);
        return runtime.execve(container, this);
    }

    @Override
    public List<Command> commands() {
        return commands;
    }
}
