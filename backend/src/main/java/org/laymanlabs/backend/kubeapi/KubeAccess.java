package org.laymanlabs.backend.kubeapi;

import java.util.Optional;

/**
 * The Kubernetes API's port to the session service: which sandbox a learner's token opens. The
 * session service implements it; the tests use an in-memory one. A token opens exactly one
 * sandbox; a request that names another is refused with 403, as RBAC refuses it.
 */
public interface KubeAccess {

    /** The sandbox this token was issued for, or empty if no such token is valid now. */
    Optional<KubeSandbox> sandboxFor(String token);
}
