package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Predicate;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.kubectl.ListSelectors;

/**
 * Mirrors the get and list handlers (endpoints/handlers/get.go): one object or a collection, as
 * JSON or as a Table, read from the API server's watch cache on the sandbox's thread. A list
 * carries the cache's resourceVersion, from which kubectl starts its watch.
 */
final class ResourceReads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceReads() {
    }

    static ApiResponse get(Sandbox sandbox, ResourcePath at, boolean table) {
        ApiServer api = sandbox.cluster().api();
        HasMetadata object = api.get(at.type(), at.namespace(), at.name())
                .orElseThrow(() -> ApiException.notFound(at.type(), at.name()));
        if (table) {
            return Status.json(200, Tables.of(at.type(), List.of(object), api.clock().now(), null, true));
        }
        return Status.json(200, Codec.shared().toTree(object));
    }

    static ApiResponse list(Sandbox sandbox, ResourcePath at, HttpRequest request, boolean table) {
        ApiServer api = sandbox.cluster().api();
        Predicate<HasMetadata> selected = selector(at, request);
        List<HasMetadata> objects = api.list(at.type(), at.namespace()).stream().filter(selected).toList();
        String resourceVersion = Long.toString(api.resourceVersion());
        if (table) {
            return Status.json(200, Tables.of(at.type(), objects, api.clock().now(), resourceVersion, true));
        }
        ObjectNode list = NODES.objectNode().put("kind", at.type().kind() + "List").put("apiVersion", at.type().apiVersion());
        list.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode items = list.putArray("items");
        objects.forEach(o -> items.add(Codec.shared().toTree(o)));
        return Status.json(200, list);
    }

    /** The request's label and field selectors; one the server cannot read is a BadRequest. */
    static Predicate<HasMetadata> selector(ResourcePath at, HttpRequest request) {
        try {
            Predicate<HasMetadata> selectors = ListSelectors.parse(at.type(), request.param("labelSelector").orElse(""),
                    request.param("fieldSelector").orElse(""));
            return at.collection() ? selectors : selectors.and(o -> o.getMetadata().getName().equals(at.name()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, e.getMessage());
        }
    }
}
