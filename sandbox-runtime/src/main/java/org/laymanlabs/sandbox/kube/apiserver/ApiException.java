package org.laymanlabs.sandbox.kube.apiserver;

import java.util.List;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors apimachinery's StatusError: a request the API server refused, with the HTTP code, the
 * Status reason, and the message kubectl prints after "Error from server (Reason): ".
 */
public final class ApiException extends RuntimeException {

    /** metav1.StatusReason values, with their HTTP codes. */
    public enum Reason {
        NOT_FOUND("NotFound", 404),
        ALREADY_EXISTS("AlreadyExists", 409),
        CONFLICT("Conflict", 409),
        INVALID("Invalid", 422),
        BAD_REQUEST("BadRequest", 400),
        FORBIDDEN("Forbidden", 403),
        GONE("Expired", 410),
        TIMEOUT("Timeout", 504),
        INTERNAL_ERROR("InternalError", 500);

        private final String word;
        private final int code;

        Reason(String word, int code) {
            this.word = word;
            this.code = code;
        }

        public String word() {
            return word;
        }

        public int code() {
            return code;
        }
    }

    private final Reason reason;
    private final List<FieldError> causes;

    public ApiException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /** An Invalid refusal with its Status causes, one per field, as kubectl prints them ("* spec.replicas: …"). */
    public ApiException(Reason reason, String message, List<FieldError> causes) {
        super(message);
        this.reason = reason;
        this.causes = List.copyOf(causes);
    }

    public Reason reason() {
        return reason;
    }

    /** The Status details' causes; empty but for Invalid. */
    public List<FieldError> causes() {
        return causes;
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(Reason.NOT_FOUND, type.groupResource() + " \"" + name + "\" not found");
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(Reason.ALREADY_EXISTS, type.groupResource() + " \"" + name + "\" already exists");
    }

    public static ApiException conflict(ResourceType type, String name) {
        return new ApiException(Reason.CONFLICT, "Operation cannot be fulfilled on " + type.groupResource() + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again");
    }

    /** kube-apiserver's message for etcd refusing or failing a request, e.g. with no quorum. */
    public static ApiException storage(String etcdMessage) {
        return new ApiException(Reason.INTERNAL_ERROR, etcdMessage);
    }
}
