package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.backend.session.ApiDispatcher;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.PatchType;

/**
 * The Kubernetes API's changing requests (create, update, patch, delete, and exec, which runs a
 * command in a container) as one function of the sandbox and the request, so that the session
 * journals each and replays it at the same instant with the same answer. It runs on the
 * sandbox's thread and waits for its write as a command at the prompt does: by running the
 * virtual clock (ApiServer.await), never the real one.
 */
public final class KubeDispatcher implements ApiDispatcher {

    /** The api name journal entries carry. */
    public static final String API = "kubernetes";

    @Override
    public String api() {
        return API;
    }

    @Override
    public ApiResponse dispatch(Sandbox sandbox, ApiRequest request) {
        int q = request.target().indexOf('?');
        String path = java.net.URLDecoder.decode((q < 0 ? request.target() : request.target().substring(0, q))
                .replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, List<String>> query = q < 0 ? Map.of() : HttpRequest.query(request.target().substring(q + 1));
        Optional<ResourcePath> resource = ResourcePath.parse(path);
        if (resource.isEmpty()) {
            return Status.notFound();
        }
        ResourcePath at = resource.get();
        try {
            return switch (request.method() + (at.collection() ? " collection" : " object") + (at.subresource().isEmpty() ? ""
                    : " " + at.subresource())) {
                case "POST collection" -> create(sandbox.cluster().api(), at, request, first(query, "fieldValidation"));
                case "PUT object", "PUT object status" -> update(sandbox.cluster().api(), at, request, first(query, "fieldValidation"));
                case "PATCH object", "PATCH object status" -> patch(sandbox.cluster().api(), at, request, query);
                case "DELETE object" -> delete(sandbox.cluster().api(), at, request, query);
                case "PUT object scale", "PATCH object scale" -> Status.json(200, ScaleSubresource.change(sandbox.cluster().api(), at,
                        RequestBody.parse(request.body(), false)));
                case "GET object exec", "POST object exec" -> at.type().plural().equals("pods")
                        ? PodExec.run(sandbox, at, query) : Status.notFound();
                default -> Status.methodNotAllowed();
            };
        } catch (ApiException e) {
            return Status.of(e, at.type(), at.name());
        } catch (RequestBody.UnsupportedType e) {
            return Status.failure(415, "UnsupportedMediaType", e.getMessage(), null);
        }
    }

    private static ApiResponse create(ApiServer api, ResourcePath at, ApiRequest request, String fieldValidation) {
        RequestBody.Decoded<? extends HasMetadata> decoded = RequestBody.decode(RequestBody.object(request), at.type(),
                at.type().type(), fieldValidation);
        HasMetadata object = decoded.object();
        String name = object.getMetadata() == null ? "" : object.getMetadata().getName();
        inNamespace(at, object);
        HasMetadata created;
        try {
            created = api.await(api.create(object));
        } catch (ApiException e) {
            return Status.of(e, at.type(), name);
        }
        return answer(201, created, decoded.warnings());
    }

    private static ApiResponse update(ApiServer api, ResourcePath at, ApiRequest request, String fieldValidation) {
        RequestBody.Decoded<? extends HasMetadata> decoded = RequestBody.decode(RequestBody.object(request), at.type(),
                at.type().type(), fieldValidation);
        HasMetadata object = decoded.object();
        String named = object.getMetadata() == null ? null : object.getMetadata().getName();
        if (!at.name().equals(named)) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "the name of the object (" + (named == null ? "" : named)
                    + ") does not match the name on the URL (" + at.name() + ")");
        }
        inNamespace(at, object);
        HasMetadata updated = api.await(at.subresource().equals("status") ? api.updateStatus(normalised(object)) : api.update(object));
        return answer(200, updated, decoded.warnings());
    }

    private static ApiResponse patch(ApiServer api, ResourcePath at, ApiRequest request, Map<String, List<String>> query) {
        String contentType = request.headers().getOrDefault("content-type", "").split(";")[0].trim();
        if (contentType.equals("application/json-patch+json")) {
            return jsonPatch(api, at, request);
        }
        Optional<PatchType> type = PatchType.ofContentType(contentType);
        if (type.isEmpty()) {
            return Status.failure(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media"
                    + " types include: application/json-patch+json, application/merge-patch+json,"
                    + " application/strategic-merge-patch+json, application/apply-patch+yaml", null);
        }
        if (type.get() == PatchType.APPLY && first(query, "fieldManager") == null) {
            throw new ApiException(ApiException.Reason.INVALID, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required"
                    + " value: is required for apply patch");
        }
        JsonNode patch = RequestBody.parse(request.body(), type.get() == PatchType.APPLY);
        boolean existed = api.get(at.type(), at.namespace(), at.name()).isPresent();
        HasMetadata patched = api.await(api.patch(at.type(), at.namespace(), at.name(), type.get(), patch));
        return answer(existed ? 200 : 201, patched, List.of());
    }

    /** A JSON patch applies to the stored object and is written as an update of that very version. */
    /**
     * A request body as the server keeps it: updateStatus hands its object to the watch cache, which
     * must hold what decoding the stored bytes gives (an explicit {@code "conditions": null} is an
     * empty list there, and in-cluster readers rely on that).
     */
    private static HasMetadata normalised(HasMetadata body) {
        return Codec.shared().copy(body);
    }

    private static ApiResponse jsonPatch(ApiServer api, ResourcePath at, ApiRequest request) {
        HasMetadata existing = api.get(at.type(), at.namespace(), at.name())
                .orElseThrow(() -> ApiException.notFound(at.type(), at.name()));
        JsonNode patched = JsonPatch.apply(Codec.shared().toTree(existing), RequestBody.parse(request.body(), false));
        if (patched.isObject() && !patched.path("metadata").has("resourceVersion")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) patched.path("metadata"))
                    .put("resourceVersion", existing.getMetadata().getResourceVersion());
        }
        RequestBody.Decoded<? extends HasMetadata> decoded = RequestBody.decode(patched, at.type(), at.type().type(), "Strict");
        HasMetadata object = decoded.object();
        if (object.getMetadata() == null || !at.name().equals(object.getMetadata().getName())) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "the name of the object (" + (object.getMetadata() == null ? ""
                    : object.getMetadata().getName()) + ") does not match the name on the URL (" + at.name() + ")");
        }
        HasMetadata updated = api.await(at.subresource().equals("status") ? api.updateStatus(normalised(object)) : api.update(object));
        return answer(200, updated, List.of());
    }

    private static ApiResponse delete(ApiServer api, ResourcePath at, ApiRequest request, Map<String, List<String>> query) {
        JsonNode options = RequestBody.options(request.body());
        String policy = options.path("propagationPolicy").asText(Optional.ofNullable(first(query, "propagationPolicy")).orElse(""));
        DeletionPropagation propagation = null;
        if (!policy.isEmpty()) {
            propagation = java.util.Arrays.stream(DeletionPropagation.values()).filter(p -> p.toString().equals(policy)).findFirst()
                    .orElseThrow(() -> new ApiException(ApiException.Reason.BAD_REQUEST, "DeleteOptions.meta.k8s.io \"\" is invalid:"
                            + " propagationPolicy: Unsupported value: \"" + policy + "\": supported values: \"Foreground\","
                            + " \"Background\", \"Orphan\", \"nil\""));
        }
        Long grace = options.hasNonNull("gracePeriodSeconds") ? Long.valueOf(options.get("gracePeriodSeconds").asLong())
                : Optional.ofNullable(first(query, "gracePeriodSeconds")).map(Long::valueOf).orElse(null);
        HasMetadata deleted = api.await(api.delete(at.type(), at.namespace(), at.name(), propagation, grace));
        Optional<HasMetadata> left = api.get(at.type(), at.namespace(), at.name());
        if (left.isPresent()) {
            // Graceful deletion or finalizers: the object stays, marked, until they are done.
            return answer(200, left.get(), List.of());
        }
        return Status.deleted(at.type(), at.name(), deleted.getMetadata().getUid());
    }

    /** The URL's namespace wins; a different one in the body is refused, as the create handler refuses it. */
    private static void inNamespace(ResourcePath at, HasMetadata object) {
        ResourceType type = at.type();
        if (!type.namespaced() || object.getMetadata() == null) {
            return;
        }
        String given = object.getMetadata().getNamespace();
        if (given != null && !given.isEmpty() && !given.equals(at.namespace())) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "the namespace of the provided object does not match the"
                    + " namespace sent on the request");
        }
        object.getMetadata().setNamespace(at.namespace());
    }

    private static ApiResponse answer(int code, HasMetadata object, List<String> warnings) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Status.JSON);
        if (!warnings.isEmpty()) {
            headers.put("Warning", String.join(", ", warnings.stream().map(w -> "299 - " + quote(w)).toList()));
        }
        return new ApiResponse(code, headers, Codec.shared().toStorage(object).getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        org.laymanlabs.sandbox.image.json.JsonWriter.quote(quoted, text);
        return quoted.toString();
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
