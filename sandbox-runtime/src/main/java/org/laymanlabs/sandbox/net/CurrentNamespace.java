package org.laymanlabs.sandbox.net;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The network namespace the shell's commands run in (a task's nsproxy->net_ns): the learner's
 * machine, except while {@code ip netns exec} runs a command inside another one, as setns(2)
 * moves the child it then execs.
 */
public final class CurrentNamespace implements HomeNamespace {

    private NetworkNamespace current;

    public CurrentNamespace(NetworkNamespace initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public NetworkNamespace get() {
        return current;
    }

    /** Runs {@code command} with {@code ns} as the current namespace, and returns to the previous one after. */
    public <T> T runIn(NetworkNamespace ns, Supplier<T> command) {
        NetworkNamespace previous = current;
        current = Objects.requireNonNull(ns, "ns");
        try {
            return command.get();
        } finally {
            current = previous;
        }
    }
}
