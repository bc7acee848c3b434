package org.laymanlabs.backend.engineapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Engine API's own state for each sandbox it has served, by sandbox id. */
final class EngineStates {

    private final Map<String, EngineState> bySandbox = new ConcurrentHashMap<>();

    EngineState of(String sandboxId) {
        return bySandbox.computeIfAbsent(sandboxId, id -> new EngineState());
    }

    /** Drops a sandbox's state once its session has ended. */
    void forget(String sandboxId) {
        bySandbox.remove(sandboxId);
    }
}
