package org.laymanlabs.sandbox.kube.scheduler;

/**
 * Mirrors plugins/nodeports: a pod asking for a hostPort fits only on a node where no pod holds
 * the same port and protocol on the same address (0.0.0.0 overlaps every address).
 */
final class NodePorts implements Plugin.Filter {

    static final String NAME = "NodePorts";
    static final String REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        for (PodInfo.HostPort wanted : pod.hostPorts()) {
            for (PodInfo.HostPort used : node.usedPorts()) {
                if (wanted.conflictsWith(used)) {
                    return Status.unschedulable(REASON);
                }
            }
        }
        return Status.SUCCESS;
    }
}
