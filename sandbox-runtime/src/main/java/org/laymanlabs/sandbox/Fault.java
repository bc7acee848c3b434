package org.laymanlabs.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a lab breaks on purpose, at the start or when a step begins, so that the learner
 * can find and fix it (a troubleshooting lab's symptoms). Each is what an operator's mistake or
 * an outage would do to a real cluster, done through the same components.
 */
public sealed interface Fault {

    /** The node's machine goes down: its kubelet and kube-proxy (and, on a master, its control plane) stop. */
    record StopNode(String node) implements Fault {
        public StopNode {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * An etcd member's process dies (its disk is kept), as when its machine loses power. Two of
     * three members still make a quorum and elect a new leader if it was the leader; with one left,
     * writes fail.
     */
    record StopEtcdMember(String member) implements Fault {
        public StopEtcdMember {
            Objects.requireNonNull(member, "member");
        }
    }

    /** A stopped etcd member starts again from its disk, rejoins as a follower and catches up. */
    record StartEtcdMember(String member) implements Fault {
        public StartEtcdMember {
            Objects.requireNonNull(member, "member");
        }
    }

    /** A Service's selector is replaced, as by a typo in its manifest, so it no longer picks its pods. */
    record BreakSelector(String namespace, String service, Map<String, String> selector) implements Fault {
        public BreakSelector {
            Objects.requireNonNull(service, "service");
            namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
            // In the lab's order: the fault's patch is written in it (a Map.copyOf's differs per JVM).
            selector = Collections.unmodifiableMap(new LinkedHashMap<>(selector));
        }
    }

    /**
     * A node's allocatable CPU is taken by a pod that asks for all of it ({@code millicores}), as a
     * greedy neighbour would, so that new pods that ask for CPU are Pending there.
     */
    record FillNode(String node, int millicores) implements Fault {
        public FillNode {
            Objects.requireNonNull(node, "node");
            if (millicores < 1) {
                throw new IllegalArgumentException("millicores must be at least 1, was " + millicores);
            }
        }
    }
}
