package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A container's NetworkSettings as API 1.50 prints it. Mirrors moby api/types/container
 * network_settings.go (NetworkSettingsBase, then the deprecated DefaultNetworkSettings that
 * repeat the default bridge's endpoint, then Networks) and daemon/inspect.go, which copies Ports
 * into a fresh map so a stopped container shows {@code {}}. A stopped container keeps its
 * networks with their operational data cleared, as daemon/network.go cleanOperationalData does.
 */
final class ContainerNetworkSettings {

    private static final JsonValue NULL = new JsonValue.Null();

    private ContainerNetworkSettings() {
    }

    static Obj of(Container c, NetworkController networks) {
        Optional<Endpoint> bridge = c.endpoints().stream()
                .filter(e -> e.network().name().equals("bridge")).findFirst();
        return Obj.struct()
                .put("Bridge", "")
                .put("SandboxID", c.namespace().map(ns -> c.sandboxId()).orElse(""))
                .put("SandboxKey", c.namespace().map(ns -> "/var/run/docker/netns/" + ns.name()).orElse(""))
                .put("Ports", ports(c))
                .put("HairpinMode", JsonValue.of(false))
                .put("LinkLocalIPv6Address", "").put("LinkLocalIPv6PrefixLen", 0)
                .put("SecondaryIPAddresses", NULL).put("SecondaryIPv6Addresses", NULL)
                .put("EndpointID", bridge.map(Endpoint::id).orElse(""))
                .put("Gateway", bridge.map(ContainerNetworkSettings::gateway).orElse(""))
                .put("GlobalIPv6Address", "").put("GlobalIPv6PrefixLen", 0)
                .put("IPAddress", bridge.map(e -> e.address().toString()).orElse(""))
                .put("IPPrefixLen", bridge.map(ContainerNetworkSettings::prefixLength).orElse(0))
                .put("IPv6Gateway", "")
                .put("MacAddress", bridge.map(e -> e.mac().toString()).orElse(""))
                .put("Networks", networks(c, networks)).build();
    }

    /**
     * While it runs: each exposed port, with the bindings the allocator granted or null when it
     * is not published. Once stopped, nothing.
     */
    private static Obj ports(Container c) {
        Obj.Builder ports = Obj.map();
        if (c.namespace().isEmpty() || c.spec().networkMode().equals("host")) {
            return ports.build();
        }
        Map<String, List<JsonValue>> bound = new LinkedHashMap<>();
        c.image().config().exposedPorts().forEach(p -> bound.put(p, null));
        c.spec().ports().forEach(p -> bound.put(p.containerKey(), null));
        for (PortMapping p : c.publishedPorts()) {
            // computeIfAbsent treats the null of an unpublished port as absent and replaces it.
            List<JsonValue> list = bound.computeIfAbsent(p.containerKey(), k -> new ArrayList<>());
            list.add(binding(p.listenAddress(), p.hostPort()));
            p.ipv6Twin().ifPresent(v6 -> list.add(binding(v6, p.hostPort())));
        }
        bound.forEach((port, list) -> ports.put(port, list == null ? NULL : new JsonValue.Arr(list)));
        return ports.build();
    }

    private static Obj binding(String hostIp, int hostPort) {
        return Obj.struct().put("HostIp", hostIp).put("HostPort", Integer.toString(hostPort)).build();
    }

    private static Obj networks(Container c, NetworkController controller) {
        Obj.Builder out = Obj.map();
        if (!c.endpoints().isEmpty()) {
            c.endpoints().forEach(e -> out.put(e.network().name(), endpoint(e.network().id(), Optional.of(e),
                    e.network().isUserDefined() ? JsonValue.ofStrings(e.dnsNames()) : NULL)));
            return out.build();
        }
        String name = ContainerHostConfig.networkName(c.spec());
        Optional<DockerNetwork> network = find(controller, name);
        // A container that never started has not joined yet, so it has no network ID either.
        String networkId = c.state().startedAt().isPresent() ? network.map(DockerNetwork::id).orElse("") : "";
        boolean userDefined = network.map(DockerNetwork::isUserDefined).orElse(false);
        return out.put(name, endpoint(networkId, Optional.empty(),
                userDefined ? JsonValue.ofStrings(List.of(c.name(), c.shortId())) : NULL)).build();
    }

    /** moby api/types/network EndpointSettings, in field order; without an endpoint, only what configuration kept. */
    private static Obj endpoint(String networkId, Optional<Endpoint> e, JsonValue dnsNames) {
        return Obj.struct().put("IPAMConfig", NULL).put("Links", NULL).put("Aliases", NULL)
                .put("MacAddress", e.map(x -> x.mac().toString()).orElse(""))
                .put("DriverOpts", NULL).put("GwPriority", 0)
                .put("NetworkID", networkId)
                .put("EndpointID", e.map(Endpoint::id).orElse(""))
                .put("Gateway", e.map(ContainerNetworkSettings::gateway).orElse(""))
                .put("IPAddress", e.map(x -> x.address().toString()).orElse(""))
                .put("IPPrefixLen", e.map(ContainerNetworkSettings::prefixLength).orElse(0))
                .put("IPv6Gateway", "")
                .put("GlobalIPv6Address", "").put("GlobalIPv6PrefixLen", 0)
                .put("DNSNames", dnsNames).build();
    }

    private static String gateway(Endpoint e) {
        return e.network().gateway().map(Object::toString).orElse("");
    }

    private static int prefixLength(Endpoint e) {
        return e.network().subnet().map(s -> s.prefixLength()).orElse(0);
    }

    private static Optional<DockerNetwork> find(NetworkController controller, String name) {
        try {
            return Optional.of(controller.find(name));
        } catch (DaemonException e) {
            return Optional.empty();
        }
    }
}
