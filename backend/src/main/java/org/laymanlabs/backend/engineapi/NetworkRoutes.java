package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.laymanlabs.backend.session.ApiResponse;
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
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(new JsonValue.Arr(
                sandbox.containers().networks().networks().stream().<JsonValue>map(n ->
                        NetworkInspect.of(n, sandbox.containers().containers())).toList()))));
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(NetworkInspect.of(
                sandbox.containers().networks().find(call.var("name")), sandbox.containers().containers()))));
    }

    /** {@code {"Name":…,"Driver":…,"IPAM":{"Config":[{"Subnet":…,"Gateway":…}]}}}: one IPv4 subnet at most. */
    static ApiResponse create(Dispatch d) throws IOException {
        JsonBody body = JsonBody.read(d.request, "network.CreateRequest");
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
        DockerNetwork created = d.sandbox.containers().networks().create(request);
        return Dispatch.json(201, "{\"Id\":\"" + created.id() + "\",\"Warning\":\"\"}");
    }

    static ApiResponse remove(Dispatch d) {
        d.sandbox.containers().networks().remove(d.var("name"));
        return Dispatch.empty(204);
    }

    static ApiResponse connect(Dispatch d) throws IOException {
        return attach(d, "network.ConnectOptions", (engine, container) -> engine.connect(d.var("name"), container));
    }

    static ApiResponse disconnect(Dispatch d) throws IOException {
        return attach(d, "network.DisconnectOptions", (engine, container) -> engine.disconnect(d.var("name"), container));
    }

    /** Connect and disconnect: {@code {"Container":…}}, answered 200 with no body. */
    private static ApiResponse attach(Dispatch d, String struct, BiConsumer<ContainerEngine, String> change)
            throws IOException {
        change.accept(d.sandbox.containers(), JsonBody.read(d.request, struct).string("Container"));
        return Dispatch.empty(200);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
