package org.laymanlabs.backend.account;

import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in account on whose behalf a service runs. Every service that reaches a learner's
 * data takes one and checks it through {@link AccessControl}, so the REST API, the web UI and
 * the real-client endpoints share one rule.
 */
public record Caller(UUID accountId, String username, Role role) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }
}
