package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.PatchType;

/**
 * Mirrors the scale subresource of Deployments and ReplicaSets (pkg/registry/apps/deployment
 * storage.go ScaleREST): an autoscaling/v1 Scale view of the object's replicas, which
 * {@code kubectl scale} patches; the change is written to the object's spec.replicas.
 */
final class ScaleSubresource {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScaleSubresource() {
    }

    static ObjectNode get(ApiServer api, ResourcePath at) {
        HasMetadata object = api.get(at.type(), at.namespace(), at.name()).orElseThrow(() -> ApiException.notFound(at.type(), at.name()));
        Integer wanted;
        Integer current;
        LabelSelector selector;
        if (object instanceof Deployment d) {
            wanted = d.getSpec().getReplicas();
            current = d.getStatus() == null ? null : d.getStatus().getReplicas();
            selector = d.getSpec().getSelector();
        } else if (object instanceof ReplicaSet r) {
            wanted = r.getSpec().getReplicas();
            current = r.getStatus() == null ? null : r.getStatus().getReplicas();
            selector = r.getSpec().getSelector();
        } else {
            throw new ApiException(ApiException.Reason.NOT_FOUND, "the server could not find the requested resource");
        }
        ObjectNode scale = NODES.objectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        scale.putObject("metadata").put("name", at.name()).put("namespace", at.namespace())
                .put("uid", object.getMetadata().getUid()).put("resourceVersion", object.getMetadata().getResourceVersion())
                .put("creationTimestamp", object.getMetadata().getCreationTimestamp());
        scale.putObject("spec").put("replicas", wanted == null ? 0 : wanted);
        Map<String, String> labels = selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        scale.putObject("status").put("replicas", current == null ? 0 : current).put("selector", labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        return scale;
    }

    /**
     * A patch (merge or strategic: a Scale has no lists) or a replacement of the Scale, written as
     * the object's new replica count; a patch without spec.replicas keeps the count.
     */
    static ObjectNode change(ApiServer api, ResourcePath at, JsonNode scale) {
        JsonNode replicas = scale.path("spec").has("replicas") ? scale.path("spec").path("replicas")
                : get(api, at).path("spec").path("replicas");
        if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
            throw new ApiException(ApiException.Reason.INVALID, "Scale.autoscaling \"" + at.name() + "\" is invalid: spec.replicas:"
                    + " Invalid value: " + replicas + ": must be greater than or equal to 0");
        }
        ObjectNode patch = NODES.objectNode();
        patch.putObject("spec").put("replicas", replicas.asInt());
        api.await(api.patch(at.type(), at.namespace(), at.name(), PatchType.JSON_MERGE, patch));
        return get(api, at);
    }
}
