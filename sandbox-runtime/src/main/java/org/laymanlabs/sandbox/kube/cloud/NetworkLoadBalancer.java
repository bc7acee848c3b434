package org.laymanlabs.sandbox.kube.cloud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;

/**
 * One load balancer of the simulated cloud: a machine of its own with the external IP on the
 * internet (eth0) and a leg on the nodes' network (eth1). It balances in the kernel, as a
 * provider's pass-through network load balancer does, with netfilter rules of its own: each
 * new connection to the external IP and a Service port is DNATed to one backend node's NodePort
 * (statistic random, 1/n, 1/(n-1)…, the same spread kube-proxy uses), and MASQUERADEd out of eth1
 * so that the node's answer comes back through the balancer (the nodes' default route goes to
 * the laptop, not to the internet). A netfilter balancer rather than a proxy program, because the
 * learner can read it with the same iptables they read kube-proxy's rules with, and because it
 * keeps the connection one TCP connection end to end, as a pass-through balancer does.
 */
final class NetworkLoadBalancer {

    /** A Service port as the balancer forwards it: its port on the external IP, and the NodePort behind. */
    record Listener(String protocol, int port, int nodePort) {
    }

    private final Network network;
    private final NamespaceNetfilters netfilters;
    private final NetworkNamespace machine;
    private final Ipv4Address ip;

    NetworkLoadBalancer(Network network, NamespaceNetfilters netfilters, Internet internet, NodeNetwork nodes,
                        String name, Ipv4Address ip) {
        this.network = network;
        this.netfilters = netfilters;
        this.ip = ip;
        this.machine = network.createNamespace(name, false);
        machine.setUp(machine.requireLink("lo"), true);
        internet.attach(machine, "eth0", new Cidr(ip, Internet.SUBNET.prefixLength()));
        Link eth1 = nodes.plug(machine, "eth1");
        machine.addAddress(eth1, InterfaceAddress.withBroadcast(nodes.allocate(), RouteScope.GLOBAL));
        machine.setUp(eth1, true);
        machine.setIpForward(true);
    }

    Ipv4Address ip() {
        return ip;
    }

    NetworkNamespace machine() {
        return machine;
    }

    /**
     * Rewrites the whole nat table of the balancer for these listeners and backend nodes. Without
     * a backend nothing is forwarded: the external IP is the balancer's own, nothing listens on
     * it, and its kernel refuses the connection.
     */
    void forward(List<Listener> listeners, List<Ipv4Address> backends) {
        StringBuilder rules = new StringBuilder("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n"
                + ":OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n");
        for (Listener listener : listeners) {
            String proto = listener.protocol().toLowerCase(Locale.ROOT);
            int n = backends.size();
            for (int i = 0; i < n; i++) {
                String statistic = i < n - 1 ? " -m statistic --mode random --probability " + probability(n - i) : "";
                rules.append("-A PREROUTING -d ").append(ip).append("/32 -p ").append(proto).append(" -m ").append(proto)
                        .append(" --dport ").append(listener.port()).append(statistic).append(" -j DNAT --to-destination ")
                        .append(backends.get(i)).append(':').append(listener.nodePort()).append('\n');
            }
        }
        rules.append("-A POSTROUTING -o eth1 -j MASQUERADE\nCOMMIT\n");
        MachineRules.load(netfilters.of(machine), rules.toString(), "load balancer");
    }

    void delete() {
        netfilters.forget(machine);
        network.deleteNamespace(machine);
    }

    private static String probability(int n) {
        return new BigDecimal(1.0 / n).setScale(10, RoundingMode.HALF_EVEN).toPlainString();
    }
}
