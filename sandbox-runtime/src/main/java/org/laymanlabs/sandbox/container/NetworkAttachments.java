package org.laymanlabs.sandbox.container;

import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.image.DaemonException;

/**
 * {@code docker network connect} and {@code disconnect}. Mirrors moby daemon/container_operations.go
 * (ConnectToNetwork, DisconnectFromNetwork) behind api/server/router/network: a started container
 * gets or loses an interface at once; a stopped one only has the network noted (or struck out)
 * for its next start. Checks and messages are moby's, in moby's order.
 */
final class NetworkAttachments {

    private final NetworkController networks;
    private final ContainerRuntime runtime;

    NetworkAttachments(NetworkController networks, ContainerRuntime runtime) {
        this.networks = networks;
        this.runtime = runtime;
    }

    /** The router looks the network up before the container. */
    void connect(String networkName, ContainerStore containers, String containerName) {
        DockerNetwork network = networks.find(networkName);
        Container c = containers.get(containerName);
        checkModes(c, network);
        if (c.namespace == null) {
            // updateNetworkSettings: a second connect of a stopped container is quietly the same config.
            if (!c.networks.contains(network.name())) {
                c.networks.add(network.name());
            }
            return;
        }
        if (network.endpointOf(c.id()).isPresent()) {
            throw new DaemonException(DaemonException.Kind.FORBIDDEN, "endpoint with name " + c.name()
                    + " already exists in network " + network.name());
        }
        runtime.join(c, network);
        c.networks.add(network.name());
    }

    /** DisconnectContainerFromNetwork looks the container up before the network. */
    void disconnect(String networkName, ContainerStore containers, String containerName) {
        Container c = containers.get(containerName);
        DockerNetwork network = networks.find(networkName);
        if (c.spec().networkMode().equals("host") && network.driver() == DockerNetwork.Driver.HOST) {
            throw hostConflict();
        }
        if (c.namespace == null) {
            if (!c.networks.remove(network.name())) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "container " + c.id()
                        + " is not connected to the network " + networkName);
            }
            return;
        }
        Endpoint endpoint = network.endpointOf(c.id()).orElseThrow(() -> new DaemonException(
                DaemonException.Kind.INVALID_PARAMETER, "container " + c.id() + " is not connected to network "
                        + network.name()));
        runtime.leave(c, endpoint);
        c.networks.remove(network.name());
    }

    /** runconfig/errors.go: host and none networks take no second network, nor go to another container. */
    private static void checkModes(Container c, DockerNetwork network) {
        if (c.spec().networkMode().equals("host") || network.driver() == DockerNetwork.Driver.HOST) {
            throw hostConflict();
        }
        if (c.spec().networkMode().equals("none") || network.driver() == DockerNetwork.Driver.NULL) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "container cannot be connected to"
                    + " multiple networks with one of the networks in private (none) mode");
        }
    }

    private static DaemonException hostConflict() {
        return new DaemonException(DaemonException.Kind.INVALID_PARAMETER,
                "container cannot be disconnected from host network or connected to host network");
    }
}
