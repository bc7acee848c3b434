package org.laymanlabs.backend.engineapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens issued in memory, each for one sandbox: the tests' session service. */
final class InMemoryEngineAccess implements EngineAccess {

    private final Map<String, SandboxHandle> byToken = new ConcurrentHashMap<>();

    void issue(String token, SandboxHandle sandbox) {
        byToken.put(token, sandbox);
    }

    @Override
    public Optional<SandboxHandle> sandboxFor(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
