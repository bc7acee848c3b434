package org.laymanlabs.sandbox.kube.cni;

/**
 * flannel's backend types (pkg/backend, net-conf.json's "Backend": {"Type": …}): how a node
 * reaches the other nodes' pod subnets. host-gw routes each subnet to its node's address, which
 * needs the nodes on one LAN, as kind's are; vxlan wraps pod packets in UDP through flannel.1.
 */
public enum FlannelBackend {
    HOST_GW("host-gw"),
    VXLAN("vxlan");

    private final String type;

    FlannelBackend(String type) {
        this.type = type;
    }

    /** The name net-conf.json uses. */
    public String type() {
        return type;
    }
}
