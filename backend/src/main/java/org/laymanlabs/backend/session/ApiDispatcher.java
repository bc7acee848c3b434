package org.laymanlabs.backend.session;

import org.laymanlabs.sandbox.Sandbox;

/**
 * Does what a changing API request does, on the sandbox's thread. Must be deterministic: ids and
 * names from the sandbox's seeded random, times from its virtual clock. Never blocks.
 */
public interface ApiDispatcher {

    String api();

    ApiResponse dispatch(Sandbox sandbox, ApiRequest request);
}
