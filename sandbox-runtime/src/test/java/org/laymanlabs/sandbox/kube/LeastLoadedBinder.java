package org.laymanlabs.sandbox.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;

/**
 * A test stand-in for kube-scheduler, for controller scenarios that are not about scheduling:
 * it binds each new pod to the untainted node with the fewest pods.
 */
final class LeastLoadedBinder {

    private final ApiServer api;
    private final java.util.Map<String, Integer> assigned = new java.util.HashMap<>();
    private ApiWatch watch;

    LeastLoadedBinder(ApiServer api) {
        this.api = api;
    }

    void start() {
        watch = api.watch(ApiResources.PODS, "", api.resourceVersion(), e -> {
            Pod pod = (Pod) e.object();
            if (pod.getSpec().getNodeName() == null && pod.getMetadata().getDeletionTimestamp() == null) {
                api.clock().schedule(java.time.Duration.ofMillis(20), () -> bind(pod));
            }
        });
    }

    void stop() {
        watch.cancel();
    }

    /** Pods on the node, counting binds still in flight. */
    private long load(String node) {
        return assigned.getOrDefault(node, 0) + api.list(Pod.class, "").stream()
                .filter(p -> node.equals(p.getSpec().getNodeName()) && p.getMetadata().getDeletionTimestamp() == null).count();
    }

    private void bind(Pod pod) {
        Optional<Node> node = api.list(Node.class, "").stream()
                .filter(n -> n.getSpec().getTaints().isEmpty() && !Boolean.TRUE.equals(n.getSpec().getUnschedulable()))
                .filter(n -> n.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
                .min(Comparator.comparing((Node n) -> load(n.getMetadata().getName())).thenComparing(n -> n.getMetadata().getName()));
        node.ifPresent(n -> {
            assigned.merge(n.getMetadata().getName(), 1, Integer::sum);
            api.bind(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), n.getMetadata().getName())
                    .whenComplete((ok, failure) -> assigned.merge(n.getMetadata().getName(), -1, Integer::sum));
        });
    }
}
