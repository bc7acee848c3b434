package org.laymanlabs.backend.engineapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Engine API keeps for one sandbox beside the sandbox itself: its exec instances, which
 * live between {@code POST /containers/x/exec}, {@code /exec/id/start} and {@code /exec/id/json}
 * as moby's daemon/exec.Store keeps them.
 */
final class EngineState {

    private final Map<String, ExecInstance> execs = new ConcurrentHashMap<>();

    void add(ExecInstance exec) {
        execs.put(exec.id(), exec);
    }

    /** By full ID or a unique prefix, as moby's getExecConfig finds one. */
    Optional<ExecInstance> exec(String idOrPrefix) {
        ExecInstance exact = execs.get(idOrPrefix);
        if (exact != null) {
            return Optional.of(exact);
        }
        var prefixed = execs.values().stream().filter(e -> e.id().startsWith(idOrPrefix)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }
}
