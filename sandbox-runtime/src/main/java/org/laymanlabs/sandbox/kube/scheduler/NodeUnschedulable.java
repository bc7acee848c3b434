package org.laymanlabs.sandbox.kube.scheduler;

import org.laymanlabs.sandbox.kube.api.Tolerations;
import io.fabric8.kubernetes.api.model.Taint;

/**
 * Mirrors plugins/nodeunschedulable: a cordoned node (spec.unschedulable) takes no new pods,
 * unless the pod tolerates the node.kubernetes.io/unschedulable:NoSchedule taint (DaemonSet pods do).
 */
final class NodeUnschedulable implements Plugin.Filter {

    static final String NAME = "NodeUnschedulable";
    static final String REASON = "node(s) were unschedulable";
    private static final Taint UNSCHEDULABLE = new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        if (!node.unschedulable()) {
            return Status.SUCCESS;
        }
        if (Tolerations.anyTolerates(pod.pod().getSpec().getTolerations(), UNSCHEDULABLE)) {
            return Status.SUCCESS;
        }
        return Status.unresolvable(REASON);
    }
}
