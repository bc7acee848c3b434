package org.laymanlabs.sandbox.container.program;

import java.util.OptionalInt;

/**
 * The process of a kubeadm static pod (etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler). The component's work is done by the cluster's own Java object of that name;
 * this process holds its place on the node, so that {@code crictl ps} and the pod's status show
 * it running, and it ends on SIGTERM as the Go binaries do on their signal handler.
 */
final class ControlPlaneComponent implements Program {

    @Override
    public Process start(ProcessContext context) {
        return ExitsOnTerm.INSTANCE;
    }

    /**
     * Go's signal handler: SIGTERM and SIGINT end the process with 0. An enum constant, not a lambda:
     * a checkpoint reads a lambda back as a copy, and a static pod started after a restore would
     * hold the JVM's own beside it; an enum constant comes back as itself.
     */
    private enum ExitsOnTerm implements Process {
        INSTANCE;

        @Override
        public OptionalInt signal(Signal signal) {
            return signal == Signal.SIGTERM || signal == Signal.SIGINT ? OptionalInt.of(0) : OptionalInt.empty();
        }
    }
}
