package org.laymanlabs.sandbox.kube.scheduler;

/** Mirrors plugins/nodename: a pod that names its node fits only there. */
final class NodeName implements Plugin.Filter {

    static final String NAME = "NodeName";
    static final String REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        String wanted = pod.pod().getSpec().getNodeName();
        if (wanted == null || wanted.isEmpty() || wanted.equals(node.name())) {
            return Status.SUCCESS;
        }
        return Status.unresolvable(REASON);
    }
}
