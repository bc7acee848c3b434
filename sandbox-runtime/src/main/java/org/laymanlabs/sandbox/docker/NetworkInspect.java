package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStore;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A network as {@code GET /networks/{id}} returns it in API 1.50 (moby api/types/network
 * Inspect, built by daemon/network.go buildNetworkResource and buildIPAMResources), fields in
 * moby's order, as Docker Engine 28 on Linux prints them.
 */
public final class NetworkInspect {

    private static final JsonValue NULL = new JsonValue.Null();

    private NetworkInspect() {
    }

    public static Obj of(DockerNetwork n, ContainerStore containers) {
        boolean bridge = n.driver() == DockerNetwork.Driver.BRIDGE;
        return Obj.struct().put("Name", n.name()).put("Id", n.id()).put("Created", GoTime.rfc3339Nano(n.created()))
                .put("Scope", "local").put("Driver", n.driver().text())
                // moby creates host and none with EnableIPv4=false (moby/moby#48271).
                .put("EnableIPv4", JsonValue.of(bridge)).put("EnableIPv6", JsonValue.of(false))
                .put("IPAM", ipam(n)).put("Internal", JsonValue.of(false)).put("Attachable", JsonValue.of(false))
                .put("Ingress", JsonValue.of(false)).put("ConfigFrom", Obj.struct().put("Network", "").build())
                .put("ConfigOnly", JsonValue.of(false)).put("Containers", containers(n, containers))
                .put("Options", options(n)).put("Labels", Obj.map().build()).build();
    }

    /** The CLI sends user networks an empty IPAM options map; the daemon's own networks have none. */
    private static Obj ipam(DockerNetwork n) {
        JsonValue config = n.subnet().<JsonValue>map(subnet -> new JsonValue.Arr(List.of(Obj.struct()
                .put("Subnet", subnet.toString()).put("Gateway", n.gateway().orElseThrow().toString()).build())))
                .orElse(NULL);
        return Obj.struct().put("Driver", "default").put("Options", n.isUserDefined() ? Obj.map().build() : NULL)
                .put("Config", config).build();
    }

    /** One entry per started container, keyed by its ID (a Go map, so sorted). */
    private static Obj containers(DockerNetwork n, ContainerStore containers) {
        Obj.Builder byId = Obj.map();
        for (Endpoint e : n.endpoints()) {
            String name = containers.find(e.containerId()).map(Container::name).orElse(e.dnsNames().get(0));
            byId.put(e.containerId(), Obj.struct().put("Name", name).put("EndpointID", e.id())
                    .put("MacAddress", e.mac().toString())
                    .put("IPv4Address", e.address() + "/" + n.subnet().orElseThrow().prefixLength())
                    .put("IPv6Address", "").build());
        }
        return byId.build();
    }

    /** The default bridge shows the options dockerd gave docker0 (daemon_unix.go initBridgeDriver). */
    private static Obj options(DockerNetwork n) {
        Obj.Builder options = Obj.map();
        if (n.bridgeName().filter("docker0"::equals).isPresent()) {
            options.put("com.docker.network.bridge.default_bridge", "true")
                    .put("com.docker.network.bridge.enable_icc", "true")
                    .put("com.docker.network.bridge.enable_ip_masquerade", "true")
                    .put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0")
                    .put("com.docker.network.bridge.name", "docker0")
                    .put("com.docker.network.driver.mtu", "1500");
        }
        return options.build();
    }
}
