package org.laymanlabs.backend.engineapi;

import java.util.Optional;

/**
 * The Engine API's port to the session service: which sandbox a learner's token opens. The
 * session service implements it; the tests use an in-memory one. A token opens exactly one
 * sandbox, so a client can reach no other (the server answers 403 when a request names another).
 */
public interface EngineAccess {

    /** The sandbox this token was issued for, or empty if no such token is valid now. */
    Optional<SandboxHandle> sandboxFor(String token);
}
