package org.laymanlabs.backend.session;

import org.laymanlabs.sandbox.Sandbox;

/**
 * Does what a changing API request does to a sandbox, on the sandbox's own thread. Each API
 * package (the Docker Engine API, the Kubernetes API) provides one as a Spring bean; sessions
 * know none of them, only their names.
 *
 * <p>A dispatcher must be deterministic, because replay calls it again: ids and names come from
 * the sandbox's seeded random source and times from its virtual clock. It never blocks waiting
 * for the clock; an error the client should see is a response (404, 409), not an exception.
 */
public interface ApiDispatcher {

    /** The name journaled in {@link ApiRequest#api()}. */
    String api();

    ApiResponse dispatch(Sandbox sandbox, ApiRequest request);
}
