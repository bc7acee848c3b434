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
        return signal -> signal == Signal.SIGTERM || signal == Signal.SIGINT ? OptionalInt.of(0) : OptionalInt.empty();
    }
}
