package org.laymanlabs.sandbox.kube.cni;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;

/**
 * The CNI bridge plugin on one node (containernetworking/plugins plugins/main/bridge), as
 * flannel's conflist delegates to it: cni0 with the pod subnet's .1, made on the first ADD; per
 * pod a namespace (containerd's cni-UUID) whose eth0 is a veth to cni0, with the address IPAM
 * gave, a default route via .1 (isDefaultGateway) and host-local's route to the cluster's pod
 * network. DEL takes the namespace away, and the veth with it.
 */
public final class BridgePlugin {

    /** flannel's network (net-conf.json "Network"): the route host-local adds in every pod. */
    static final Cidr CLUSTER_PODS = Cidr.parse("10.244.0.0/16");

    private final Network network;
    private final NetworkNamespace node;
    private final Cidr podCidr;
    private final int mtu;
    private final RandomGenerator random;
    private final Map<String, NetworkNamespace> pods = new HashMap<>();

    /** @param mtu flannel writes the backend's MTU into the conflist: 1500 for host-gw, 1450 under VXLAN */
    public BridgePlugin(Network network, NetworkNamespace node, Cidr podCidr, int mtu, RandomGenerator random) {
        this.network = network;
        this.node = node;
        this.podCidr = podCidr;
        this.mtu = mtu;
        this.random = random;
    }

    public NetworkNamespace node() {
        return node;
    }

    /** CNI ADD: the pod's namespace, wired to cni0 with {@code ip}. */
    public NetworkNamespace add(String podUid, Ipv4Address ip) {
        return network.withMacsFrom(random, () -> {
            Link bridge = bridge();
            NetworkNamespace pod = network.createNamespace("cni-" + podUid, false);
            pod.setUp(pod.requireLink("lo"), true);
            Link hostEnd = network.addVethPair(node, vethName(), pod, "eth0");
            Link eth0 = pod.requireLink("eth0");
            network.setMtu(hostEnd, mtu);
            network.setMtu(eth0, mtu);
            network.enslave(hostEnd, bridge);
            node.setUp(hostEnd, true);
            pod.addAddress(eth0, InterfaceAddress.withBroadcast(new Cidr(ip, podCidr.prefixLength()), RouteScope.GLOBAL));
            pod.setUp(eth0, true);
            Ipv4Address gateway = podCidr.nth(1);
            pod.addRoute(via(Cidr.parse("0.0.0.0/0"), gateway));
            pod.addRoute(via(CLUSTER_PODS, gateway));
            pods.put(podUid, pod);
            return pod;
        });
    }

    /** CNI DEL: the namespace goes, and with it the pod's veth; deleting what is already gone is no error. */
    public void del(String podUid) {
        NetworkNamespace pod = pods.remove(podUid);
        if (pod != null) {
            network.deleteNamespace(pod);
        }
    }

    public Optional<NetworkNamespace> pod(String podUid) {
        return Optional.ofNullable(pods.get(podUid));
    }

    private Link bridge() {
        return node.link("cni0").orElseGet(() -> {
            Link cni0 = network.addBridge(node, "cni0");
            network.setMtu(cni0, mtu);
            node.addAddress(cni0, InterfaceAddress.withBroadcast(new Cidr(podCidr.nth(1), podCidr.prefixLength()),
                    RouteScope.GLOBAL));
            node.setUp(cni0, true);
            return cni0;
        });
    }

    private static Route via(Cidr destination, Ipv4Address gateway) {
        return new Route(RouteType.UNICAST, destination, Optional.of(gateway), "eth0", Optional.empty(),
                RouteProtocol.BOOT, RouteScope.GLOBAL, 0);
    }

    /** ip.RandomVethName: "veth" and four random bytes in hex. */
    private String vethName() {
        while (true) {
            byte[] drawn = new byte[4];
            random.nextBytes(drawn);
            String name = "veth" + HexFormat.of().formatHex(drawn);
            if (node.link(name).isEmpty()) {
                return name;
            }
        }
    }
}
