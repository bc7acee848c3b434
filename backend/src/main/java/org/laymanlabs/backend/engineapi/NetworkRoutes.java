package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.container.network.NetworkCreateRequest;
import org.laymanlabs.sandbox.docker.NetworkInspect;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

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
        Optional<String> subnet = configs.size() == 1 ? text(configs.get(0).path("Subnet")) : Optional.empty();
        Optional<String> gateway = configs.size() == 1 ? text(configs.get(0).path("Gateway")) : Optional.empty();
        NetworkCreateRequest request = NetworkCreateRequest.parse(name, driver, subnet, gateway);
        DockerNetwork created = call.run(sandbox -> sandbox.containers().networks().create(request));
        call.response.json(201, "{\"Id\":\"" + created.id() + "\",\"Warning\":\"\"}");
    }

    static void remove(ApiCall call) throws IOException {
        call.run(sandbox -> sandbox.containers().networks().remove(call.var("name")));
        call.response.empty(204);
    }

    static void connect(ApiCall call) throws IOException {
        attach(call, "network.ConnectOptions", (engine, container) -> engine.connect(call.var("name"), container));
    }

    static void disconnect(ApiCall call) throws IOException {
        attach(call, "network.DisconnectOptions", (engine, container) -> engine.disconnect(call.var("name"), container));
    }

    /** Connect and disconnect: {@code {"Container":…}}, answered 200 with no body. */
    private static void attach(ApiCall call, String struct, BiConsumer<ContainerEngine, String> change) throws IOException {
        String container = JsonBody.read(call.request, struct).string("Container");
        call.run(sandbox -> {
            change.accept(sandbox.containers(), container);
            return container;
        });
        call.response.empty(200);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
