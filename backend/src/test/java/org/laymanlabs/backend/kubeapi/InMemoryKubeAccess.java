package org.laymanlabs.backend.kubeapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens issued in memory, each for one sandbox: the tests' session service. */
final class InMemoryKubeAccess implements KubeAccess {

    private final Map<String, KubeSandbox> byToken = new ConcurrentHashMap<>();

    void issue(String token, KubeSandbox sandbox) {
        byToken.put(token, sandbox);
    }

    @Override
    public Optional<KubeSandbox> sandboxFor(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
