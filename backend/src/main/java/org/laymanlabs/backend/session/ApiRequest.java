package org.laymanlabs.backend.session;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One request from a real client (docker, kubectl, docker-java, fabric8) that changes a sandbox,
 * as the journal keeps it. It holds what its {@link ApiDispatcher} needs to answer it the same way
 * again on replay, and no more: credentials never reach the journal.
 *
 * @param api     the dispatcher that serves it, e.g. {@code docker} or {@code kubernetes}
 * @param method  the HTTP method, e.g. {@code POST}
 * @param target  the path and query exactly as received, e.g. {@code /v1.47/containers/create?name=web}
 * @param headers the headers that shape the answer (lower-case names), e.g. {@code content-type}
 * @param body    the request body; empty when there is none
 */
public record ApiRequest(String api, String method, String target, Map<String, String> headers, byte[] body) {

    public ApiRequest {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        body = body == null ? new byte[0] : body.clone();
        if (headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("authorization"))) {
            throw new IllegalArgumentException("an API request's credentials must not be journaled");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRequest that && api.equals(that.api) && method.equals(that.method)
                && target.equals(that.target) && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(api, method, target, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return api + " " + method + " " + target;
    }
}
