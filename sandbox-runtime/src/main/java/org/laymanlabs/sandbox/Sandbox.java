package org.laymanlabs.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.docker.Daemon;
import org.laymanlabs.sandbox.docker.DockerCommand;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStore;
import org.laymanlabs.sandbox.container.RandomIds;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.docker.EngineDiskUsage;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.Registry;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.cri.CrictlCommand;
import org.laymanlabs.sandbox.kube.dns.ClusterLookup;
import org.laymanlabs.sandbox.kube.kubectl.KubectlCommand;
import org.laymanlabs.sandbox.kube.nodeshell.NodeShellCommand;
import org.laymanlabs.sandbox.kube.store.EtcdctlCommand;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.CurrentNamespace;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;
import org.laymanlabs.sandbox.net.curl.CurlCommand;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.iproute.BridgeCommand;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.net.ping.PingCommand;
import org.laymanlabs.sandbox.net.trace.TraceCommand;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;
import org.laymanlabs.sandbox.shell.coreutils.UnameCommand;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * One learner's sandbox for one lab: the simulated machine and cluster, reached through its shell.
 * This is the runtime's public face (DESIGN.md, "The sandbox"); everything else is internal.
 */
public final class Sandbox {

    /** How long before the session starts the cluster begins to boot (kubeadm init and join take seconds). */
    private static final Duration CLUSTER_BOOT = Duration.ofMinutes(1);

    private final SandboxSpec spec;
    private final VirtualClock clock;
    private final RandomGenerator random;
    private final Network network;
    private final NetworkNamespace laptop;
    private final Workspace workspace;
    private final Shell shell;
    private final ContainerEngine engine;
    private final Daemon daemon;
    /** Null for a lab without Kubernetes ({@link ClusterSpec#none()}). */
    private final Cluster cluster;
    private final Connector connector;
    private final CommandHistory history;
    /** The operator's own terminal, which sets the lab up and breaks things: its lines are not the learner's history. */
    private final LabSetup setup;

    private Sandbox(SandboxSpec spec) {
        this.spec = spec;
        this.clock = new VirtualClock(spec.startTime().minus(CLUSTER_BOOT));
        this.random = new SplittableRandom(spec.seed());
        this.network = new Network(random);
        this.laptop = buildLaptop(network);
        NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, random);
        // One registry for the sandbox: what the learner pushes from the laptop, the nodes can pull.
        Registry registry = Catalog.shared().registry();
        this.cluster = spec.cluster().exists() ? bootCluster(spec, netfilters, registry) : null;
        // The quotas hold from the lab's own manifests on; the cluster's boot is not the learner's to pay for.
        if (cluster != null) {
            cluster.api().limit(spec.limits().pods(), spec.limits().objects());
        }
        this.setup = new LabSetup(cluster, clock);
        setup.prepare(spec);
        // The lab's manifests settle in what is left of the minute before the session.
        if (clock.now().isBefore(spec.startTime())) {
            clock.advance(Duration.between(clock.now(), spec.startTime()));
        }
        clock.limitTimersPerSecond(spec.limits().timersPerSecond());
        netfilters.limitRules(spec.limits().iptablesRules());
        Ipv4Stack stack = new Ipv4Stack(network, netfilters);
        this.connector = new Connector(stack, random, clock);
        Netfilter laptopTables = netfilters.of(laptop);
        this.engine = containerEngine(laptopTables, connector);
        this.daemon = new Daemon(engine.images(), registry, clock, new EngineDiskUsage(engine));
        this.workspace = new Workspace(clock::now, spec.limits().workspaceFileBytes(), spec.limits().workspaceBytes());
        // The laptop's, unless `ip netns exec` or `node-shell` runs a command in another namespace.
        CurrentNamespace current = new CurrentNamespace(laptop);
        this.history = new CommandHistory();
        List<Command> commands = new ArrayList<>(List.of(
                Coreutils.sleep(clock),
                Coreutils.ls(clock),
                new UnameCommand(UnameCommand.Kernel.LEARNER_MACHINE, () -> "laptop"),
                DockerCommand.forEngine(daemon, engine, random),
                new IpCommand(network, current),
                new BridgeCommand(network, current),
                new IptablesCommand(() -> netfilters.of(current.get())),
                new IptablesSaveCommand(() -> netfilters.of(current.get())),
                new IptablesRestoreCommand(() -> netfilters.of(current.get())),
                new CurlCommand(connector, clock, current, HostResolver.LITERALS_ONLY),
                new TraceCommand(connector, current, HostResolver.LITERALS_ONLY),
                new PingCommand(new Pinger(stack), clock, current, HostResolver.LITERALS_ONLY)));
        commands.addAll(cluster == null ? clusterless() : clusterTools(current));
        this.shell = history.recording(CommandLineShell.withBuiltinsAnd(commands, workspace)
                .limitingOutput(spec.limits().outputChars()));
        LabSetup.preload(daemon, spec.images());
    }

    /** kubectl, etcdctl, crictl and node-shell, reaching the cluster as a kind user's do. */
    private List<Command> clusterTools(CurrentNamespace current) {
        return List.of(
                new EtcdctlCommand(cluster.etcd()),
                new NodeShellCommand(cluster, current),
                new CrictlCommand(ns -> cluster.kubelets().stream().filter(k -> cluster.machine(k.nodeName())
                        .filter(m -> m == ns).isPresent()).findFirst().map(k -> k.runtime()), current::get),
                new KubectlCommand(cluster.api(), "default", "https://192.168.49.2:6443",
                        node -> cluster.kubelets().stream().filter(k -> k.nodeName().equals(node)).findFirst()));
    }

    /**
     * A laptop with Docker and no cluster: kubectl is installed, as Docker Desktop installs it, but
     * has no kubeconfig and finds no server; the cluster's own tools are not there at all.
     */
    private List<Command> clusterless() {
        return List.of(KubectlCommand.withoutServer(clock::now));
    }

    /**
     * Boots the cluster during the minute before the learner's session, so that the session
     * starts at {@code spec.startTime()} on a cluster that is up (and has taken the lab's
     * manifests), whatever the boot took. Its nodes
     * hang off the laptop as kind's do off the Docker host. The cluster, and its machines' devices,
     * draw from random streams of their own: the laptop's IDs, MACs and ports stay those the seed
     * gave before there was a cluster.
     */
    private Cluster bootCluster(SandboxSpec spec, NamespaceNetfilters netfilters, Registry registry) {
        SplittableRandom streams = new SplittableRandom(spec.seed());
        SplittableRandom components = streams.split();
        return Cluster.start(clock, components, spec.cluster(), network, laptop, streams.split(), netfilters, registry);
    }

    /** The laptop's Docker engine, started as dockerd starts: docker0 and its rules first. */
    private ContainerEngine containerEngine(Netfilter laptopTables, Connector connector) {
        ContainerStore containers = new ContainerStore();
        ImageStore images = new ImageStore(clock, containers);
        RandomIds ids = new RandomIds(random);
        NetworkController networks = new NetworkController(network, laptop, laptopTables, connector, clock, ids::next);
        networks.start();
        ContainerEngine laptopEngine = new ContainerEngine(clock, random, images, containers, networks, connector);
        laptopEngine.limitContainers(spec.limits().containers());
        images.limit(spec.limits().images(), spec.limits().layerBytes());
        return laptopEngine;
    }

    /**
     * The learner's own machine, where the terminal starts: a network card on a home LAN with a
     * default route to the router, like a laptop on Wi-Fi.
     */
    private static NetworkNamespace buildLaptop(Network network) {
        NetworkNamespace laptop = network.createNamespace("laptop", false);
        laptop.setUp(laptop.requireLink("lo"), true);
        Link eth0 = network.addEthernet(laptop, "eth0");
        laptop.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse("192.168.1.20/24"), RouteScope.GLOBAL));
        laptop.setUp(eth0, true);
        laptop.addRoute(new Route(RouteType.UNICAST, Cidr.parse("0.0.0.0/0"), Optional.of(Ipv4Address.parse("192.168.1.1")),
                "eth0", Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
        return laptop;
    }

    public static Sandbox create(SandboxSpec spec) {
        return new Sandbox(Objects.requireNonNull(spec, "spec"));
    }

    public SandboxSpec spec() {
        return spec;
    }

    public Shell shell() {
        return shell;
    }

    /** The learner's files: what the editor edits and {@code docker build .} or {@code kubectl apply -f} read. */
    public Workspace workspace() {
        return workspace;
    }

    /** Every network namespace of the sandbox: the laptop's, and later the nodes', pods' and containers'. */
    public Network network() {
        return network;
    }

    /** The sandbox's own time; nothing inside reads the wall clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** The laptop's Docker engine: its containers, networks and volumes, for the grader and the UI. */
    public ContainerEngine containers() {
        return engine;
    }

    /** The laptop's dockerd as its Engine API serves it: images, registry and disk usage, shared with the shell's docker. */
    public Daemon daemon() {
        return daemon;
    }

    /**
     * The kubeadm-style cluster: its API server, etcd, controllers and nodes, for the grader, the UI and labs.
     *
     * @throws IllegalStateException for a lab without one; ask {@link #hasCluster()} first
     */
    public Cluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this sandbox has no Kubernetes cluster: its lab's sandbox is Docker only");
        }
        return cluster;
    }

    /** Whether the lab has a cluster at all; a Docker lab's laptop has none. */
    public boolean hasCluster() {
        return cluster != null;
    }

    /** The lines the learner typed into {@link #shell()}, oldest first, at most the last {@value CommandHistory#HISTSIZE}. */
    public List<String> history() {
        return history.lines();
    }

    /** The learner's laptop, where the terminal starts and where "outside the cluster" is. */
    public NetworkNamespace laptop() {
        return laptop;
    }

    /** A running pod's network namespace (its pause container's), once its node's CNI has wired it. */
    public Optional<NetworkNamespace> podNamespace(String namespace, String pod) {
        if (cluster == null) {
            return Optional.empty();
        }
        return cluster.api().get(Pod.class, namespace, pod).flatMap(this::namespaceOf);
    }

    /** The pod whose network namespace this is, if it is a pod's. */
    public Optional<Pod> podOf(NetworkNamespace netns) {
        if (cluster == null) {
            return Optional.empty();
        }
        return cluster.api().list(Pod.class, "").stream()
                .filter(p -> namespaceOf(p).filter(netns::equals).isPresent())
                .findFirst();
    }

    /** The namespace the pod's node's CNI plugin made for it: only the kubelet that runs the pod knows it. */
    private Optional<NetworkNamespace> namespaceOf(Pod pod) {
        String node = pod.getSpec().getNodeName();
        return node == null ? Optional.empty() : cluster.kubelets().stream().filter(k -> k.nodeName().equals(node))
                .findFirst().flatMap(k -> k.podNamespace(pod.getMetadata().getUid()));
    }

    /**
     * Opens one TCP connection from {@code client} and sends {@code request}, through the same
     * stack as curl: routes, every netfilter hook, NAT and the wires between namespaces. The
     * answer (or the failure) carries both packets' paths. The clock moves on by any time spent
     * waiting, at most {@code patience}.
     */
    public Exchange connect(NetworkNamespace client, Ipv4Address destination, int port, String request,
                            Duration patience) {
        return connector.exchange(client, destination, port, request, patience);
    }

    /**
     * A host name as curl in {@code from} would have it resolved, for the grader: an address is
     * itself and {@code localhost} the loopback; in a pod or on a node, other names are what the
     * cluster's DNS answers a pod there ({@link ClusterLookup}, asked without sending a packet);
     * the laptop's resolver knows no cluster names.
     */
    public Optional<Ipv4Address> resolve(NetworkNamespace from, String host) {
        HostResolver resolver = cluster == null || from.equals(laptop) ? HostResolver.LITERALS_ONLY
                : name -> ClusterLookup.lookup(cluster.api(), podOf(from).map(p -> p.getMetadata().getNamespace())
                        .orElse("default"), name);
        return resolver.resolve(host);
    }

    /** Breaks something now, as a lab does when a step begins. */
    public void inject(Fault fault) {
        setup.inject(fault);
    }

    /** The sandbox's seeded random source (load balancing, IDs), so that runs replay exactly. */
    public RandomGenerator random() {
        return random;
    }
}
