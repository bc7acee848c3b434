package org.laymanlabs.backend.session;

import java.util.Map;

/** The answer to a journaled request, complete (no streaming). */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
}
