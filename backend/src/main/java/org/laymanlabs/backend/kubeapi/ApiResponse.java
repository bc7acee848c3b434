package org.laymanlabs.backend.kubeapi;

import java.util.Map;

/** Interim copy of the session's journaled answer (api-journal-contract.md), until it lands on main. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
}
