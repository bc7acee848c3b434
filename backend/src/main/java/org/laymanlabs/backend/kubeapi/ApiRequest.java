package org.laymanlabs.backend.kubeapi;

import java.util.Map;

/** Interim copy of the session's journaled request (api-journal-contract.md), until it lands on main. */
public record ApiRequest(String api, String method, String target, Map<String, String> headers, byte[] body) {
}
