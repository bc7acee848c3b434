package org.laymanlabs.sandbox.kube;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.image.Registry;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.cloud.Cloud;
import org.laymanlabs.sandbox.kube.cloud.ServiceController;
import org.laymanlabs.sandbox.kube.cri.Containerd;
import org.laymanlabs.sandbox.kube.cri.NodeHost;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.kube.cni.BridgePlugin;
import org.laymanlabs.sandbox.kube.ingress.IngressNginxAddon;
import org.laymanlabs.sandbox.kube.ingress.IngressNginxController;
import org.laymanlabs.sandbox.kube.cni.Flannel;
import org.laymanlabs.sandbox.kube.cni.NodeLan;
import org.laymanlabs.sandbox.kube.proxy.KubeProxyAddon;
import org.laymanlabs.sandbox.kube.dns.ClusterLookup;
import org.laymanlabs.sandbox.kube.dns.CoreDns;
import org.laymanlabs.sandbox.kube.dns.DnsAddon;
import org.laymanlabs.sandbox.kube.proxy.Proxier;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.kube.controller.ControllerManager;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.laymanlabs.sandbox.kube.scheduler.Scheduler;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A kubeadm-style cluster, brought up as kubeadm init and join do: etcd, then the API server with
 * its bootstrap objects (the system namespaces and the "kubernetes" Service at 10.96.0.1), then
 * every node: its machine on kind's node network (with flannel's routes between the nodes'
 * pod subnets), its kubelet with the CNI bridge plugin, and on a control-plane node a kube-controller-manager and a
 * kube-scheduler that run for their Leases. Labs reach in here to break things: stop a node,
 * a component, or an etcd member.
 */
public final class Cluster {

    /** "kind" in ASCII: the seed of a standalone cluster's machines, whose MACs no test depends on. */
    private static final long MACHINE_SEED = 0x6b696e64L;
    private static final Duration BOOT_LIMIT = Duration.ofSeconds(30);
    /** kubeadm init and join take a while; a lab starts on a cluster whose members and nodes are all up. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final VirtualClock clock;
    private final EtcdCluster etcd;
    private final ApiServer api;
    /** kubeadm's --pod-network-cidr for flannel, which kube-proxy's masquerade rule needs. */
    private static final String CLUSTER_CIDR = "10.244.0.0/16";

    private final Network network;
    private final Map<String, NetworkNamespace> machines = new LinkedHashMap<>();
    private final Map<String, Kubelet> kubelets = new LinkedHashMap<>();
    private final Map<String, ControllerManager> controllerManagers = new LinkedHashMap<>();
    private final Map<String, Scheduler> schedulers = new LinkedHashMap<>();
    private final Map<String, Proxier> proxies = new LinkedHashMap<>();
    private final NamespaceNetfilters netfilters;
    private Cloud cloud;

    private Cluster(VirtualClock clock, RandomGenerator random, ClusterSpec spec, NodeLan lan, Network network,
                    RandomGenerator macs, NamespaceNetfilters netfilters, Registry registry) {
        this.clock = clock;
        this.network = network;
        this.netfilters = netfilters;
        // The machines come first, as kind starts the node containers before kubeadm runs in them.
        Map<NodeConfig, NetworkNamespace> wired = new LinkedHashMap<>();
        for (NodeConfig node : spec.nodes()) {
            wired.put(node, lan.addNode(node));
        }
        Flannel.program(network, spec.networkMode(), wired);
        wired.forEach((node, machine) -> machines.put(node.name(), machine));
        this.etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), BOOT_LIMIT);
        this.api = new ApiServer(etcd.client(), clock, random);
        api.start();
        bootstrap();
        installKubeProxy();
        // The cluster's own programs see its API server, as their pods' service accounts let them.
        ProgramRegistry programs = ProgramRegistry.shared().with("coredns", new CoreDns(api))
                .with("nginx-ingress-controller", new IngressNginxController(api));
        // The nodes' processes connect out through the same stack as everything else, on ports of their own draw.
        Connector connector = new Connector(new Ipv4Stack(network, netfilters), new SplittableRandom(MACHINE_SEED + 2), clock);
        for (NodeConfig node : spec.nodes()) {
            NetworkNamespace machine = machines.get(node.name());
            NodeHost host = new NodeHost(network, machine, netfilters.of(machine), connector);
            Containerd containerd = new Containerd(clock, new SplittableRandom(MACHINE_SEED + node.name().hashCode()), registry,
                    host, programs, Optional.of(new BridgePlugin(network, machine, Cidr.parse(node.podCidr()),
                    Flannel.podMtu(spec.networkMode()), macs)));
            // kind's node image comes with the pause and control-plane images already in containerd.
            Kubelet.preloadedImages(node).forEach(containerd.images()::pull);
            kubelets.put(node.name(), new Kubelet(api, node, containerd, host));
            // kube-proxy runs on every node (a DaemonSet pod in kubeadm's cluster) and writes the node's own tables.
            proxies.put(node.name(), new Proxier(api, node.name(), List.of(node.internalIp()), CLUSTER_CIDR,
                    netfilters.of(machines.get(node.name())), clock, machines.get(node.name())));
            if (node.controlPlane()) {
                controllerManagers.put(node.name(), new ControllerManager(api, node.name(), random));
                schedulers.put(node.name(), new Scheduler(api, node.name(), random));
            }
        }
        spec.nodes().forEach(node -> startNode(node.name()));
        startCloud(new SplittableRandom(MACHINE_SEED + 2), lan.host());
        clock.advance(SETTLE);
    }

    /** A cluster on a host of its own, as kind on a machine that runs nothing else. */
    public static Cluster start(VirtualClock clock, RandomGenerator random, ClusterSpec spec) {
        // The machines draw from a stream of their own, so that the cluster's names and UIDs stay those its seed gave.
        SplittableRandom macs = new SplittableRandom(MACHINE_SEED);
        Network network = new Network(macs);
        NetworkNamespace host = network.createNamespace("host", false);
        host.setUp(host.requireLink("lo"), true);
        return new Cluster(clock, random, spec, new NodeLan(network, host, macs), network, macs,
                new NamespaceNetfilters(clock, new SplittableRandom(MACHINE_SEED + 1)), Catalog.shared().registry());
    }

    /**
     * A cluster whose node network hangs off {@code host}'s side, as kind's does off the Docker
     * host: {@code host} reaches every node's address. Its devices take their MACs and names from
     * {@code macs}, not from the host's own draws. Its nodes pull from {@code registry}, the one
     * the host's Docker pushes to.
     */
    public static Cluster start(VirtualClock clock, RandomGenerator random, ClusterSpec spec, Network network,
                                NetworkNamespace host, RandomGenerator macs, NamespaceNetfilters netfilters, Registry registry) {
        NodeLan lan = network.withMacsFrom(macs, () -> new NodeLan(network, host, macs));
        return network.withMacsFrom(macs, () -> new Cluster(clock, random, spec, lan, network, macs, netfilters, registry));
    }

    /** The netfilter tables of every namespace the cluster's traffic crosses, for a stack that carries its packets. */
    public NamespaceNetfilters netfilters() {
        return netfilters;
    }

    /**
     * The simulated cloud the cluster runs in, with its controller for LoadBalancer Services,
     * which runs beside the cluster as kind's cloud-provider-kind does beside kind's. It draws from
     * a stream of its own, so that the nodes' and pods' devices keep the names and MACs they had.
     */
    private void startCloud(RandomGenerator random, NetworkNamespace laptop) {
        cloud = new Cloud(network, netfilters, clock, random);
        cloud.connectHome(laptop);
        new ServiceController(api, cloud).start();
    }

    /**
     * {@code minikube addons enable ingress}: ingress-nginx's namespace, controller Deployment and
     * NodePort Service. The controller's program is {@link IngressNginxController}.
     */
    public void enableIngressAddon() {
        IngressNginxAddon.objects().forEach(o -> api.await(api.create(o)));
    }

    /** The cloud around the cluster: its internet, with the "outside" client and the load balancers. */
    public Cloud cloud() {
        return cloud;
    }

    /** kube-proxy on a node. */
    public Proxier proxy(String node) {
        return component(proxies, node, "kube-proxy");
    }

    /** kubeadm's kube-proxy add-on phase: the DaemonSet that shows the nodes' kube-proxies as pods. */
    private void installKubeProxy() {
        KubeProxyAddon.objects(CLUSTER_CIDR, "https://192.168.49.2:6443").forEach(o -> api.await(api.create(o)));
    }

    /** What kube-apiserver creates for itself at start: system namespaces and the kubernetes Service. */
    private void bootstrap() {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
            writes.add(api.create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()));
        }
        writes.forEach(api::await);
        api.await(api.create(new ServiceBuilder().withNewMetadata().withName("kubernetes").withNamespace("default")
                .addToLabels("component", "apiserver").addToLabels("provider", "kubernetes").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.1").addNewPort().withName("https").withPort(443)
                .withTargetPort(new IntOrString(6443)).endPort().endSpec().build()));
        api.await(api.create(new EndpointsBuilder().withNewMetadata().withName("kubernetes").withNamespace("default")
                .addToLabels("endpointslice.kubernetes.io/skip-mirror", "true").endMetadata()
                .addNewSubset().addNewAddress().withIp("192.168.49.2").endAddress()
                .addNewPort().withName("https").withPort(6443).withProtocol("TCP").endPort().endSubset().build()));
        // The API server's endpoint reconciler also writes the slice kube-proxy reads.
        api.await(api.create(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder().withNewMetadata()
                .withName("kubernetes").withNamespace("default").addToLabels("kubernetes.io/service-name", "kubernetes").endMetadata()
                .withAddressType("IPv4").addNewEndpoint().withAddresses("192.168.49.2").withNewConditions().withReady(true).endConditions()
                .endEndpoint().addNewPort().withName("https").withPort(6443).withProtocol("TCP").endPort().build()));
        // kubeadm's addon phase: CoreDNS behind the kube-dns Service at the service CIDR's tenth address.
        DnsAddon.install(api, ClusterLookup.CLUSTER_DOMAIN, ClusterLookup.CLUSTER_DNS_IP);
    }

    public ApiServer api() {
        return api;
    }

    public EtcdCluster etcd() {
        return etcd;
    }

    /** The kube-controller-manager process on a control-plane node. */
    public ControllerManager controllerManager(String node) {
        return component(controllerManagers, node, "kube-controller-manager");
    }

    /** The kube-scheduler process on a control-plane node. */
    public Scheduler scheduler(String node) {
        return component(schedulers, node, "kube-scheduler");
    }

    /** The first control-plane node's, which leads on a single-master cluster. */
    public ControllerManager controllerManager() {
        return controllerManagers.values().iterator().next();
    }

    public Scheduler scheduler() {
        return schedulers.values().iterator().next();
    }

    /** A node's machine stops: its kubelet, and on a master its scheduler and controller manager, go silent. */
    public void stopNode(String node) {
        kubelet(node).stop();
        proxies.get(node).stop();
        if (controllerManagers.containsKey(node)) {
            controllerManagers.get(node).stop();
            schedulers.get(node).stop();
        }
    }

    /** A node's machine boots: kubelet first, then (on a master) the components it runs as static pods. */
    public void startNode(String node) {
        kubelet(node).start();
        proxies.get(node).start();
        if (controllerManagers.containsKey(node)) {
            controllerManagers.get(node).start();
            schedulers.get(node).start();
        }
    }

    private static <T> T component(Map<String, T> byNode, String node, String what) {
        T found = byNode.get(node);
        if (found == null) {
            throw new NoSuchElementException("no " + what + " on node " + node + " (is it a control-plane node?)");
        }
        return found;
    }

    public List<Kubelet> kubelets() {
        return List.copyOf(kubelets.values());
    }

    public Kubelet kubelet(String node) {
        Kubelet kubelet = kubelets.get(node);
        if (kubelet == null) {
            throw new NoSuchElementException("no node named " + node);
        }
        return kubelet;
    }

    /** The network the nodes' and pods' namespaces live in. */
    public Network network() {
        return network;
    }

    /** A node's machine: the network namespace its kubelet, host-network pods and node-shell run in. */
    public Optional<NetworkNamespace> machine(String node) {
        return Optional.ofNullable(machines.get(node));
    }

    public VirtualClock clock() {
        return clock;
    }
}
