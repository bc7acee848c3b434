package org.laymanlabs.sandbox.container.network;

import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors moby daemon/libnetwork/drivers/bridge/internal/iptabler (Docker 28): the chains the
 * bridge driver creates at start, the rules each bridge network adds, and a published port's
 * DNAT, ACCEPT and raw-table DROP, in the order and form of
 * integration/network/bridge/iptablesdoc/generated/usernet-portmap.md (FIDELITY.md §2).
 */
final class DockerFirewall {

    private final Iptables iptables;

    DockerFirewall(Iptables iptables) {
        this.iptables = iptables;
    }

    /** setupIPChains: the fixed chains and jumps, created once when the daemon starts. */
    void createChains() {
        for (String chain : new String[] {"DOCKER", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD", "DOCKER-INTERNAL",
                "DOCKER-USER"}) {
            iptables.run("-N " + chain);
        }
        // The daemon turned ip_forward on itself, so it set FORWARD's policy to DROP (setupIPForwarding).
        iptables.run("-P FORWARD DROP");
        iptables.run("-A FORWARD -j DOCKER-USER");
        iptables.run("-A FORWARD -j DOCKER-FORWARD");
        iptables.run("-A DOCKER-FORWARD -j DOCKER-CT");
        iptables.run("-A DOCKER-FORWARD -j DOCKER-INTERNAL");
        iptables.run("-A DOCKER-FORWARD -j DOCKER-BRIDGE");
        iptables.run("-t nat -N DOCKER");
        iptables.run("-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
        iptables.run("-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER");
    }

    /** setupIPTablesInternal and setDefaultForwardRule: a new bridge network's rules. */
    void addNetwork(String bridge, Cidr subnet) {
        iptables.run("-A DOCKER ! -i " + bridge + " -o " + bridge + " -j DROP");
        iptables.run("-A DOCKER-BRIDGE -o " + bridge + " -j DOCKER");
        iptables.run("-A DOCKER-CT -o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        iptables.run("-A DOCKER-FORWARD -i " + bridge + " -j ACCEPT");
        iptables.run("-t nat -I POSTROUTING -s " + subnet.network() + " ! -o " + bridge + " -j MASQUERADE");
    }

    void removeNetwork(String bridge, Cidr subnet) {
        iptables.run("-D DOCKER ! -i " + bridge + " -o " + bridge + " -j DROP");
        iptables.run("-D DOCKER-BRIDGE -o " + bridge + " -j DOCKER");
        iptables.run("-D DOCKER-CT -o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        iptables.run("-D DOCKER-FORWARD -i " + bridge + " -j ACCEPT");
        iptables.run("-t nat -D POSTROUTING -s " + subnet.network() + " ! -o " + bridge + " -j MASQUERADE");
    }

    /** setPerPortForwarding, the DNAT and filterDirectAccess: what one published port adds. */
    void publish(String bridge, Ipv4Address container, PortMapping port) {
        for (String rule : portRules(bridge, container, port)) {
            iptables.run(rule);
        }
    }

    void unpublish(String bridge, Ipv4Address container, PortMapping port) {
        for (String rule : portRules(bridge, container, port)) {
            iptables.run(rule.replace("-I DOCKER ", "-D DOCKER ").replace("-A ", "-D "));
        }
    }

    private static String[] portRules(String bridge, Ipv4Address container, PortMapping port) {
        String proto = port.protocol();
        return new String[] {
            "-I DOCKER -d " + container + "/32 ! -i " + bridge + " -o " + bridge + " -p " + proto + " -m " + proto
                    + " --dport " + port.containerPort() + " -j ACCEPT",
            "-t nat -A DOCKER ! -i " + bridge + " -p " + proto + " -m " + proto + " --dport " + port.hostPort()
                    + " -j DNAT --to-destination " + container + ":" + port.containerPort(),
            "-t raw -A PREROUTING -d " + container + "/32 ! -i " + bridge + " -j DROP",
        };
    }
}
