package org.laymanlabs.sandbox.kube.scheduler;

import org.laymanlabs.sandbox.kube.api.Tolerations;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * Mirrors plugins/tainttoleration: a NoSchedule or NoExecute taint the pod does not tolerate
 * keeps it off the node (the first such taint names the reason); PreferNoSchedule taints only
 * lower the node's score, the more of them the lower.
 */
final class TaintToleration implements Plugin.Filter, Plugin.Score {

    static final String NAME = "TaintToleration";

    /** The pod's tolerations that can tolerate a PreferNoSchedule taint, worked out once per cycle. */
    private record PreferNoScheduleTolerations(List<Toleration> tolerations) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        for (Taint taint : node.taints()) {
            boolean blocks = "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect());
            if (blocks && !Tolerations.anyTolerates(pod.pod().getSpec().getTolerations(), taint)) {
                return Status.unresolvable("node(s) had untolerated taint {" + taint.getKey() + ": "
                        + Tolerations.nullToEmpty(taint.getValue()) + "}");
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        List<Toleration> all = pod.pod().getSpec().getTolerations();
        List<Toleration> prefer = all == null ? List.of() : all.stream()
                .filter(t -> t.getEffect() == null || t.getEffect().isEmpty() || "PreferNoSchedule".equals(t.getEffect())).toList();
        state.write(PreferNoScheduleTolerations.class, new PreferNoScheduleTolerations(prefer));
        return Status.SUCCESS;
    }

    /** How many PreferNoSchedule taints the pod does not tolerate; normalizing turns fewer into more. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        List<Taint> taints = node.taints();
        if (taints.isEmpty()) {
            return 0;
        }
        List<Toleration> tolerations = state.read(PreferNoScheduleTolerations.class).tolerations();
        long count = 0;
        for (Taint taint : taints) {
            if ("PreferNoSchedule".equals(taint.getEffect()) && !Tolerations.anyTolerates(tolerations, taint)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        Plugin.defaultNormalize(scores, true);
    }
}
