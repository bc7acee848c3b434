package org.laymanlabs.sandbox.container.network;

import org.laymanlabs.sandbox.image.DaemonException;

/**
 * The network drivers a {@code docker network create -d} may name. The sandbox's engine, like a
 * single dockerd outside a swarm, makes bridge networks only; the other names are refused with
 * the words dockerd uses (daemon/network.go, the plugin getter, the cluster provider).
 */
final class BridgeDriverOnly {

    private BridgeDriverOnly() {
    }

    static void check(String driver) {
        switch (driver) {
            case "bridge" -> {
            }
            case "host", "null" -> throw new DaemonException(DaemonException.Kind.FORBIDDEN,
                    "only one instance of \"" + driver + "\" network is allowed");
            case "overlay" -> throw new DaemonException(DaemonException.Kind.UNAVAILABLE,
                    "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to"
                            + " connect this node to swarm and try again.");
            // Real dockerd has these drivers; the sandbox's laptop has no parent NIC to hang them on.
            case "macvlan", "ipvlan" -> throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER,
                    "the sandbox's engine supports the bridge driver only; \"" + driver
                            + "\" networks are not available here");
            default -> throw new DaemonException(DaemonException.Kind.NOT_FOUND, "could not find plugin " + driver
                    + " in v1 plugin registry: plugin not found");
        }
    }
}
