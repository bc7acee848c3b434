package org.laymanlabs.backend.grading;

import java.util.Optional;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/** Where a check's request or traced packet starts: outside the cluster (the learner's laptop), on a node, or in a pod. */
public sealed interface Origin {

    /** The network namespace the packet leaves from, if it exists now. */
    Optional<NetworkNamespace> namespace(Sandbox sandbox);

    /** How the learner's message names it ("node worker-1"). */
    String describe();

    /** The learner's laptop, where a ClusterIP does not answer, as on a real laptop. */
    record Outside() implements Origin {
        @Override
        public Optional<NetworkNamespace> namespace(Sandbox sandbox) {
            return Optional.of(sandbox.laptop());
        }

        @Override
        public String describe() {
            return "outside the cluster";
        }
    }

    /** A node's machine, as {@code node-shell <node> curl …} runs. */
    record Node(String name) implements Origin {
        @Override
        public Optional<NetworkNamespace> namespace(Sandbox sandbox) {
            return sandbox.hasCluster() ? sandbox.cluster().machine(name) : Optional.empty();
        }

        @Override
        public String describe() {
            return "node " + name;
        }
    }

    /** A running pod in the default namespace, as {@code kubectl exec <pod> -- curl …} runs. */
    record Pod(String name) implements Origin {
        @Override
        public Optional<NetworkNamespace> namespace(Sandbox sandbox) {
            return sandbox.podNamespace("default", name);
        }

        @Override
        public String describe() {
            return "pod " + name;
        }
    }
}
