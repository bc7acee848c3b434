package org.laymanlabs.sandbox.kube.cri;

import java.util.Objects;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;

/**
 * The machine a node's containerd runs on: the network its namespaces live in, the node's own
 * namespace and its netfilter tables, and the connector its processes open connections with.
 */
public record NodeHost(Network network, NetworkNamespace namespace, Netfilter netfilter, Connector connector) {

    public NodeHost {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(netfilter, "netfilter");
        Objects.requireNonNull(connector, "connector");
    }
}
