package org.laymanlabs.sandbox.kube.cni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
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
import org.laymanlabs.sandbox.net.VxlanConfig;

/**
 * flanneld on every node (pkg/backend/hostgw and pkg/backend/vxlan): once the nodes' subnets are
 * known, each node gets a way to the others' pod subnets with the pods' addresses left as they
 * are. host-gw adds "SUBNET via NODE-IP dev eth0"; vxlan makes flannel.1 (VNI 1, port 8472)
 * with the subnet's .0/32, and "SUBNET via REMOTE.0 dev flannel.1 onlink" with a neighbour and
 * forwarding entry per remote node, which VxlanConfig's peers stand for.
 */
public final class Flannel {

    /** The VXLAN header and outer headers take 50 bytes from eth0's 1500. */
    public static final int VXLAN_MTU = 1450;

    private Flannel() {
    }

    public static int podMtu(FlannelBackend backend) {
        return backend == FlannelBackend.VXLAN ? VXLAN_MTU : 1500;
    }

    /** Programs every node's way to every other node's pod subnet. */
    public static void program(Network network, FlannelBackend backend, Map<NodeConfig, NetworkNamespace> nodes) {
        for (Map.Entry<NodeConfig, NetworkNamespace> local : nodes.entrySet()) {
            if (backend == FlannelBackend.VXLAN) {
                vxlan(network, local.getKey(), local.getValue(), nodes);
            } else {
                hostGw(local.getKey(), local.getValue(), nodes);
            }
        }
    }

    private static void hostGw(NodeConfig self, NetworkNamespace machine, Map<NodeConfig, NetworkNamespace> nodes) {
        for (NodeConfig other : nodes.keySet()) {
            if (other != self) {
                machine.addRoute(route(Cidr.parse(other.podCidr()), Ipv4Address.parse(other.internalIp()), "eth0"));
            }
        }
    }

    private static void vxlan(Network network, NodeConfig self, NetworkNamespace machine, Map<NodeConfig, NetworkNamespace> nodes) {
        Link flannel = network.addVxlan(machine, "flannel.1", VXLAN_MTU);
        machine.addAddress(flannel, new InterfaceAddress(Cidr.host(Cidr.parse(self.podCidr()).address()),
                Optional.empty(), RouteScope.GLOBAL));
        machine.setUp(flannel, true);
        Map<Ipv4Address, Ipv4Address> peers = new LinkedHashMap<>();
        for (NodeConfig other : nodes.keySet()) {
            if (other != self) {
                Ipv4Address remote = Cidr.parse(other.podCidr()).address();
                peers.put(remote, Ipv4Address.parse(other.internalIp()));
                machine.addRoute(route(Cidr.parse(other.podCidr()), remote, "flannel.1"));
            }
        }
        // flannel binds its VTEP to the node's external interface (vxlanDeviceAttrs.vtepIndex), so
        // `ip -d link show flannel.1` says "dev eth0".
        network.configureVxlan(flannel, new VxlanConfig(1, Optional.of(Ipv4Address.parse(self.internalIp())),
                VxlanConfig.FLANNEL_PORT, Optional.of("eth0"), false, peers, List.of()));
    }

    private static Route route(Cidr destination, Ipv4Address via, String device) {
        return new Route(RouteType.UNICAST, destination, Optional.of(via), device, Optional.empty(),
                RouteProtocol.BOOT, RouteScope.GLOBAL, 0);
    }
}
