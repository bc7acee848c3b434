package org.laymanlabs.sandbox.kube.dns;

import java.util.ArrayList;
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
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * A process in a pod's network namespace, with what a container runtime would give it: until
 * the kubelet runs containers, the tests start CoreDNS in its pod this way, as runc would.
 */
final class PodProcess implements ProcessContext {

    private final NetworkNamespace network;
    private final Connector connector;
    private final VirtualClock clock;
    private final Workspace files;
    private final List<String> stdout = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private Integer status;

    PodProcess(NetworkNamespace network, Connector connector, VirtualClock clock, String resolvConf) {
        this.network = network;
        this.connector = connector;
        this.clock = clock;
        this.files = new Workspace(clock::now);
        files.mkdir("/etc", true);
        files.write("/etc/resolv.conf", resolvConf);
    }

    List<String> output() {
        return List.copyOf(stdout);
    }

    @Override
    public List<String> argv() {
        return List.of("/coredns", "-conf", "/etc/coredns/Corefile");
    }

    @Override
    public Map<String, String> env() {
        return Map.of();
    }

    @Override
    public FileSystem files() {
        return files;
    }

    @Override
    public String workingDir() {
        return "/";
    }

    @Override
    public NetworkNamespace network() {
        return network;
    }

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public HostResolver resolver() {
        return HostResolver.LITERALS_ONLY;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public String hostname() {
        return "coredns";
    }

    @Override
    public void stdout(String line) {
        stdout.add(line);
    }

    @Override
    public void stderr(String line) {
        stdout.add(line);
    }

    @Override
    public Optional<String> listen(int port, ConnectionHandler handler) {
        try {
            Listener listener = new Listener(Protocol.TCP, Ipv4Address.ANY, port, "coredns", handler);
            network.sockets().listen(listener);
            listeners.add(listener);
            return Optional.empty();
        } catch (SocketTable.AddressInUseException e) {
            return Optional.of("Address already in use");
        }
    }

    @Override
    public void exit(int code) {
        status = code;
        listeners.forEach(network.sockets()::close);
    }

    @Override
    public boolean exited() {
        return status != null;
    }

    @Override
    public Process exec(List<String> argv) {
        throw new UnsupportedOperationException("CoreDNS execs nothing");
    }

    @Override
    public List<Command> commands() {
        return List.of();
    }

    /** No memory cgroup here: the program runs as if unlimited. */
    @Override
    public boolean allocate(long bytes) {
        return true;
    }
}
