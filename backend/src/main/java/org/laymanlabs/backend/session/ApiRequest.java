package org.laymanlabs.backend.session;

import java.util.Map;

/**
 * One HTTP request from a real client, as the journal keeps it (/work/api-journal-contract.md).
 *
 * @param api     "docker" or "kubernetes": the {@link ApiDispatcher}'s name
 * @param target  path plus query, exactly as received
 * @param headers only those the handler needs to answer the same way again (lower-case names)
 * @param body    the request body (empty array when none)
 */
public record ApiRequest(String api, String method, String target, Map<String, String> headers, byte[] body) {
}
