package org.laymanlabs.sandbox.container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.EmbeddedDns;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.HostsFile;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;
import org.laymanlabs.sandbox.net.dns.StubResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Starts and stops containers' processes. Mirrors containerd + runc under moby's
 * daemon/start.go and daemon/monitor.go; {@link #run} reads as bocker's pipeline: network
 * namespace, veth pair with address and route, published ports, then exec of the command on the
 * container's copy-on-write root (made at create). On exit, the monitor tears the network down
 * and asks the restart manager whether to go again.
 */
final class ContainerRuntime {

    /** How far {@code docker stop -t -1} lets the clock run for a process that never ends. */
    private static final Duration MAX_STOP_WAIT = Duration.ofDays(1);

    private final VirtualClock clock;
    private final NetworkController networks;
    private final EmbeddedDns dns;
    private final Connector connector;
    private final ContainerTools tools;
    private final ContainerEngine.ExitListener autoRemover;
    /** containerd's TaskExit events: who hears that a container's process ended (a kubelet's PLEG). */
    private final List<ContainerEngine.ExitListener> exitListeners = new java.util.ArrayList<>();
    /** Host PIDs: each start takes one for its containerd-shim, then one for the container's process. */
    private int nextPid = 999;

    ContainerRuntime(VirtualClock clock, NetworkController networks, Connector connector, ContainerEngine.ExitListener autoRemover) {
        this.clock = clock;
        this.networks = networks;
        this.dns = new EmbeddedDns(networks);
        this.connector = connector;
        this.tools = new ContainerTools(clock, connector);
        this.autoRemover = autoRemover;
    }

    VirtualClock clock() {
        return clock;
    }

    /** docker start: the whole pipeline, or an exception with moby's message and the container left Created. */
    void run(Container c) {
        try {
            c.namespace = createNetworkNamespace(c);
            joinNetwork(c);
            publishPorts(c);
            c.shimPid = nextPid++;
            c.state().running(nextPid++, clock.now());
            execve(c, newProcess(c));
        } catch (DaemonException e) {
            c.pid1 = null;
            c.process = null;
            tearDownNetwork(c);
            c.state().failedToStart(startFailureCode(e.getMessage()), e.getMessage(), clock.now());
            throw e;
        }
    }

    /** moby daemon/start.go translateContainerdStartErr: 127 for a missing executable, 126 for one that cannot run. */
    private static int startFailureCode(String message) {
        if (message.contains("executable file not found") || message.contains("no such file or directory")) {
            return 127;
        }
        return message.contains("permission denied") ? 126 : 128;
    }

    private NetworkNamespace createNetworkNamespace(Container c) {
        if (c.oci != null) {
            return c.oci.netns();
        }
        return c.spec().networkMode().equals("host") ? networks.hostNamespace()
                : networks.createNamespace(c.sandboxId().substring(0, 12));
    }

    private void joinNetwork(Container c) {
        for (String name : c.networks) {
            join(c, networks.find(name));
        }
    }

    /** One network more for a started container: a veth into its namespace, as at start. */
    void join(Container c, DockerNetwork network) {
        c.endpoints.add(networks.connect(c.namespace, c.id(), c.name(), network));
    }

    /** Leaves one network: the ports published through it go too, then the veth pair. */
    void leave(Container c, Endpoint endpoint) {
        if (c.endpoints.indexOf(endpoint) == 0) {
            c.publishedPorts.forEach(p -> networks.unpublish(endpoint, p));
            c.publishedPorts.clear();
        }
        networks.disconnect(endpoint);
        c.endpoints.remove(endpoint);
        if (!c.endpoints.isEmpty()) {
            networks.routeThroughIfNoGateway(c.namespace, c.endpoints.get(0));
        }
    }

    private void publishPorts(Container c) {
        if (c.endpoints.isEmpty()) {
            return;
        }
        Endpoint endpoint = c.endpoints.get(0);
        for (PortMapping wanted : c.spec().ports()) {
            try {
                c.publishedPorts.add(networks.publish(endpoint, wanted));
            } catch (DaemonException e) {
                throw new DaemonException(e.kind(), "failed to set up container networking: driver failed programming"
                        + " external connectivity on endpoint " + c.name() + " (" + endpoint.id() + "): " + e.getMessage());
            }
        }
    }

    private ContainerProcess newProcess(Container c) {
        HostResolver resolver = resolverFor(c);
        c.pid1 = new ContainerProcess(c, this, connector, resolver, tools.commandsFor(c, resolver, false));
        return c.pid1;
    }

    HostResolver resolverFor(Container c) {
        if (c.oci != null) {
            // A pod's container: glibc's stub resolver over the resolv.conf and hosts the kubelet put in it.
            return new StubResolver(new DnsClient(connector, clock, new java.util.SplittableRandom(c.id().hashCode())),
                    () -> c.namespace, () -> ResolverConfig.parse(fileOr(c, "/etc/resolv.conf")),
                    () -> new HostsFile(fileOr(c, "/etc/hosts")));
        }
        return dns.resolverFor(c.id());
    }

    private static String fileOr(Container c, String path) {
        return c.rootfs().exists(path) && !c.rootfs().isDirectory(path) ? c.rootfs().read(path) : "";
    }

    ContainerTools tools() {
        return tools;
    }

    Connector connector() {
        return connector;
    }

    /** execve(2) of the process's argv[0], found along $PATH in the container's root. */
    Process execve(Container c, ContainerProcess process) {
        List<String> argv = process.argv();
        ProgramRegistry.Lookup found = c.programs.lookup(c.rootfs().view(), argv.get(0),
                ContainerTools.pathOf(c), process.workingDir());
        if (found instanceof ProgramRegistry.Lookup.NotFound missing) {
            if (c.process == null && c.pid1 == process && !process.exited() && process.argv() == c.argv()) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "failed to create task for container:"
                        + " failed to create shim task: OCI runtime create failed: runc create failed: unable to start"
                        + " container process: error during container init: " + missing.message() + ": unknown");
            }
            process.stderr(argv.get(0) + ": " + missing.message());
            process.exit(127);
            return Process.IGNORES_SIGNALS;
        }
        Process started = ((ProgramRegistry.Lookup.Found) found).program().start(process);
        if (!process.exited()) {
            c.process = started;
        }
        return started;
    }

    /** The monitor: the process ended on its own or by a signal it handled. */
    void processExited(Container c, ContainerProcess process, int status) {
        if (c.pid1 != process) {
            return;
        }
        c.process = null;
        c.pid1 = null;
        c.memoryUsage = 0;
        tearDownNetwork(c);
        Duration ran = Duration.between(c.state().startedAt().orElse(clock.now()), clock.now());
        Optional<Duration> delay = c.restartManager.shouldRestart(status, c.manuallyStopped, ran);
        if (delay.isPresent()) {
            c.state().restarting(status, clock.now());
            c.pendingTimer = clock.schedule(delay.get(), () -> restartAfterBackOff(c));
            exitListeners.forEach(l -> l.accept(c));
            return;
        }
        c.state().exited(status, clock.now());
        exitListeners.forEach(l -> l.accept(c));
        if (c.spec().autoRemove()) {
            autoRemover.accept(c);
        }
    }

    void onExit(ContainerEngine.ExitListener listener) {
        exitListeners.add(listener);
    }

    /**
     * A process's memory grows by {@code bytes}, charged to its container's memory cgroup. Over the
     * cgroup's limit the kernel's OOM killer sends SIGKILL (exit 137) and the runtime records
     * OOMKilled, as containerd does from the cgroup's oom event.
     *
     * @return false if the process was killed for it
     */
    boolean charge(Container c, long bytes) {
        c.memoryUsage += bytes;
        if (c.memoryLimit() == 0 || c.memoryUsage <= c.memoryLimit() || c.pid1 == null) {
            return true;
        }
        c.state().markOomKilled();
        kill(c);
        return false;
    }

    private void restartAfterBackOff(Container c) {
        c.pendingTimer = null;
        if (c.state().status() != ContainerStatus.RESTARTING) {
            return;
        }
        c.restartCount++;
        try {
            run(c);
        } catch (DaemonException e) {
            c.state().exited(c.state().exitCode(), clock.now());
        }
    }

    /** docker stop: the stop signal, then SIGKILL once the timeout has passed on the virtual clock. */
    void stop(Container c, Signal stopSignal, Duration timeout) {
        c.manuallyStopped = true;
        c.restartManager.cancel();
        if (cancelPendingRestart(c) || c.process == null) {
            return;
        }
        ContainerProcess process = c.pid1;
        if (deliver(c, stopSignal)) {
            return;
        }
        Duration limit = timeout.isNegative() ? MAX_STOP_WAIT : timeout;
        VirtualClock.Timer kill = clock.schedule(limit, () -> {
            if (c.pid1 == process && !process.exited()) {
                kill(c);
            }
        });
        // docker stop returns when the container has exited: as soon as it ends, if before the timeout.
        java.time.Instant deadline = clock.now().plus(limit);
        while (c.pid1 == process && !process.exited() && clock.now().isBefore(deadline)) {
            java.time.Instant next = clock.nextDue().filter(due -> due.isBefore(deadline)).orElse(deadline);
            clock.advance(Duration.between(clock.now(), next));
        }
        kill.cancel();
    }

    /** Delivers a signal; true if the process exited of it. SIGKILL always ends it, with 137. */
    boolean deliver(Container c, Signal signal) {
        if (signal == Signal.SIGKILL) {
            kill(c);
            return true;
        }
        OptionalInt status = c.process.signal(signal);
        if (status.isPresent()) {
            c.pid1.exit(status.getAsInt());
            return true;
        }
        return false;
    }

    private void kill(Container c) {
        ContainerProcess process = c.pid1;
        process.closeSockets();
        process.exit(Signal.SIGKILL.exitStatus());
    }

    private boolean cancelPendingRestart(Container c) {
        if (c.state().status() != ContainerStatus.RESTARTING) {
            return false;
        }
        if (c.pendingTimer != null) {
            c.pendingTimer.cancel();
            c.pendingTimer = null;
        }
        c.state().exited(c.state().exitCode(), c.state().finishedAt().orElse(clock.now()));
        return true;
    }

    private void tearDownNetwork(Container c) {
        if (!c.endpoints.isEmpty()) {
            c.publishedPorts.forEach(p -> networks.unpublish(c.endpoints.get(0), p));
        }
        c.publishedPorts.clear();
        c.endpoints.forEach(networks::disconnect);
        c.endpoints.clear();
        if (c.namespace != null && c.namespace != networks.hostNamespace() && c.oci == null) {
            networks.deleteNamespace(c.namespace);
        }
        c.namespace = null;
    }
}
