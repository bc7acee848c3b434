package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors metav1.Status as kube-apiserver answers a refused request
 * (apimachinery/pkg/api/errors): kind Status, status Failure, the message kubectl prints after
 * "Error from server (Reason): ", the reason, details naming the object, and the HTTP code.
 */
final class Status {

    static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Status() {
    }

    /** A Failure Status with the given details (empty details are written as {}, as Go omits none of them). */
    static ApiResponse failure(int code, String reason, String message, ObjectNode details) {
        ObjectNode status = NODES.objectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return json(code, status);
    }

    /** The server's answer to a refused change of {@code name} (empty for a collection). */
    static ApiResponse of(ApiException e, ResourceType type, String name) {
        ObjectNode details = NODES.objectNode();
        if (name != null && !name.isEmpty()) {
            details.put("name", name);
        }
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        // NewInvalid names the kind; the other errors name the resource.
        details.put("kind", e.reason() == ApiException.Reason.INVALID ? type.kind() : type.plural());
        if (!e.causes().isEmpty()) {
            ArrayNode causes = details.putArray("causes");
            for (FieldError cause : e.causes()) {
                String text = cause.toString();
                causes.addObject().put("reason", "Field" + reasonOf(cause.type())).put("message",
                        text.substring(cause.field().length() + 2)).put("field", cause.field());
            }
        }
        boolean withDetails = e.reason() != ApiException.Reason.BAD_REQUEST && e.reason() != ApiException.Reason.INTERNAL_ERROR;
        return failure(e.reason().code(), e.reason().word(), e.getMessage(), withDetails ? details : null);
    }

    private static String reasonOf(FieldError.Type type) {
        return switch (type) {
            case REQUIRED -> "ValueRequired";
            case INVALID -> "ValueInvalid";
            case DUPLICATE -> "ValueDuplicate";
            case NOT_SUPPORTED -> "ValueNotSupported";
            case FORBIDDEN -> "ValueForbidden";
        };
    }

    static ApiResponse badRequest(String message) {
        return failure(400, "BadRequest", message, null);
    }

    /** A path no route serves: the mux's NotFound for a resource path. */
    static ApiResponse notFound() {
        return failure(404, "NotFound", "the server could not find the requested resource", NODES.objectNode());
    }

    static ApiResponse methodNotAllowed() {
        return failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                NODES.objectNode());
    }

    /** The Success Status a delete answers when the object is gone at once. */
    static ApiResponse deleted(ResourceType type, String name, String uid) {
        ObjectNode status = NODES.objectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details").put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural()).put("uid", uid);
        return json(200, status);
    }

    static ApiResponse json(int code, Object body) {
        return new ApiResponse(code, Map.of("Content-Type", JSON),
                Codec.shared().toStorage(body).getBytes(StandardCharsets.UTF_8));
    }
}
