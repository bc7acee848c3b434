package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.util.Optional;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.NetworkCreateRequest;
import org.laymanlabs.sandbox.docker.NetworkInspect;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The network routes. Mirrors moby api/server/router/network/network_routes.go: list and inspect
 * give the same objects {@code docker network inspect} prints, create answers 201 with the ID,
 * delete 204, connect and disconnect 200.
 */
final class NetworkRoutes {

    private NetworkRoutes() {
    }

    static void list(ApiCall call) throws IOException {
        call.response.json(200, call.run(sandbox -> JsonWriter.compact(new JsonValue.Arr(
                sandbox.containers().networks().networks().stream().<JsonValue>map(n ->
                        NetworkInspect.of(n, sandbox.containers().containers())).toList()))));
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.run(sandbox -> JsonWriter.compact(NetworkInspect.of(
                sandbox.containers().networks().find(call.var("name")), sandbox.containers().containers()))));
    }

    /** {@code {"Name":…,"Driver":…,"IPAM":{"Config":[{"Subnet":…,"Gateway":…}]}}}: one IPv4 subnet at most. */
    static void create(ApiCall call) throws IOException {
        JsonBody body = JsonBody.read(call.request, "network.CreateRequest");
        String name = body.string("Name");
        if (name.isEmpty()) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid name: name is empty");
        }
        String driver = body.string("Driver").isEmpty() ? "bridge" : body.string("Driver");
        var configs = body.child("IPAM", "network.IPAM").node("Config");
        if (configs.size() > 1) {
            throw ApiException.badRequest("the sandbox's networks take one IPv4 subnet; got " + configs.size());
        }
        Optional<Cidr> subnet = Optional.empty();
        Optional<Ipv4Address> gateway = Optional.empty();
        if (configs.size() == 1) {
            String s = configs.get(0).path("Subnet").asText("");
            String g = configs.get(0).path("Gateway").asText("");
            subnet = s.isEmpty() ? Optional.empty() : Optional.of(subnet(s));
            gateway = g.isEmpty() ? Optional.empty() : Optional.of(gateway(g));
        }
        NetworkCreateRequest request = new NetworkCreateRequest(name, driver, subnet, gateway);
        DockerNetwork created = call.run(sandbox -> sandbox.containers().networks().create(request));
        call.response.json(201, "{\"Id\":\"" + created.id() + "\",\"Warning\":\"\"}");
    }

    static void remove(ApiCall call) throws IOException {
        call.run(sandbox -> sandbox.containers().networks().remove(call.var("name")));
        call.response.empty(204);
    }

    static void connect(ApiCall call) throws IOException {
        String container = JsonBody.read(call.request, "network.ConnectOptions").string("Container");
        call.run(sandbox -> {
            sandbox.containers().connect(call.var("name"), container);
            return container;
        });
        call.response.empty(200);
    }

    static void disconnect(ApiCall call) throws IOException {
        String container = JsonBody.read(call.request, "network.DisconnectOptions").string("Container");
        call.run(sandbox -> {
            sandbox.containers().disconnect(call.var("name"), container);
            return container;
        });
        call.response.empty(200);
    }

    private static Cidr subnet(String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid subnet " + text
                    + ": invalid CIDR address: " + text);
        }
    }

    private static Ipv4Address gateway(String text) {
        if (!Ipv4Address.isValid(text)) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid gateway " + text);
        }
        return Ipv4Address.parse(text);
    }
}
