package org.laymanlabs.sandbox.kube.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.socket.SocketTable;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * What the kubelet will give a container's process once pods run programs, reduced to what the
 * ingress controller uses: the pod's network namespace, its environment, a connector out, the
 * clock and captured stdout. Tests start the controller's program in a pod with it.
 */
final class PodProcess implements ProcessContext {

    private final NetworkNamespace network;
    private final Map<String, String> env;
    private final Connector connector;
    private final VirtualClock clock;
    final List<String> stdout = new ArrayList<>();
    private boolean exited;

    PodProcess(NetworkNamespace network, Map<String, String> env, Connector connector, VirtualClock clock) {
        this.network = network;
        this.env = env;
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public List<String> argv() {
        return List.of("/nginx-ingress-controller");
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public FileSystem files() {
        throw new UnsupportedOperationException("the controller reads no files here");
    }

    @Override
    public String workingDir() {
        return "/etc/nginx";
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
        return env.getOrDefault("POD_NAME", "pod");
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
            network.sockets().listen(new Listener(Protocol.TCP, org.laymanlabs.sandbox.net.Ipv4Address.ANY, port,
                    "nginx", handler));
            return Optional.empty();
        } catch (SocketTable.AddressInUseException e) {
            return Optional.of("Address already in use");
        }
    }

    @Override
    public void exit(int status) {
        exited = true;
    }

    @Override
    public boolean exited() {
        return exited;
    }

    @Override
    public Process exec(List<String> argv) {
        throw new UnsupportedOperationException("exec");
    }

    @Override
    public List<org.laymanlabs.sandbox.shell.Command> commands() {
        return List.of();
    }

    /** No memory cgroup here: the program runs as if unlimited. */
    @Override
    public boolean allocate(long bytes) {
        return true;
    }
}
