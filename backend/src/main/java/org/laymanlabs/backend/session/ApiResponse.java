package org.laymanlabs.backend.session;

import java.util.Map;

/** The whole answer to a journaled {@link ApiRequest}: status, headers and body (nothing streams). */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
