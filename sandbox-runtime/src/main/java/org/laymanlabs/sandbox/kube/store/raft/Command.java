package org.laymanlabs.sandbox.kube.store.raft;

/**
 * What a log entry carries for the state machine. Raft replicates commands without looking
 * inside them; the store defines the real ones.
 */
public interface Command {
}
