package org.laymanlabs.sandbox.kube.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/controller/nodelifecycle (node_lifecycle_controller.go and the NoExecute taint
 * manager): every 5 s it checks each node's Lease; a node silent for 40 s gets Unknown
 * conditions, its pods are marked not ready, and it is tainted unreachable. Pods that do not
 * tolerate the taint are evicted at once, the rest when their tolerationSeconds (300 s by
 * default, added at admission) run out, so their ReplicaSets put them elsewhere.
 */
public final class NodeLifecycleController implements Controller {

    static final Duration MONITOR_PERIOD = Duration.ofSeconds(5);
    static final Duration GRACE_PERIOD = Duration.ofSeconds(40);
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";

    private final ApiServer api;
    private final EventRecorder events;
    private final VirtualClock clock;
    private VirtualClock.Timer timer;
    private final List<String> evicted = new ArrayList<>();

    public NodeLifecycleController(ApiServer api, EventRecorder events) {
        this.api = api;
        this.events = events;
        this.clock = api.clock();
    }

    @Override
    public void start() {
        timer = clock.schedule(MONITOR_PERIOD, this::monitor);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void monitor() {
        for (Node node : api.list(Node.class, "")) {
            boolean silent = api.get(Lease.class, "kube-node-lease", node.getMetadata().getName())
                    .map(lease -> lease.getSpec().getRenewTime().toInstant().plus(GRACE_PERIOD).isBefore(clock.now()))
                    .orElse(false);
            boolean tainted = node.getSpec().getTaints().stream().anyMatch(t -> UNREACHABLE.equals(t.getKey()));
            if (silent && !tainted) {
                markUnreachable(node);
            } else if (!silent && tainted && ready(node)) {
                List<Taint> kept = node.getSpec().getTaints().stream().filter(t -> !UNREACHABLE.equals(t.getKey())).toList();
                api.update(new NodeBuilder(node).editSpec().withTaints(kept).endSpec().build());
            }
            if (tainted) {
                evictIntolerant(node);
            }
        }
        timer = clock.schedule(MONITOR_PERIOD, this::monitor);
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private void markUnreachable(Node node) {
        String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<NodeCondition> conditions = new ArrayList<>();
        for (NodeCondition c : node.getStatus().getConditions()) {
            conditions.add(new NodeCondition(c.getLastHeartbeatTime(), now, "Kubelet stopped posting node status.",
                    "NodeStatusUnknown", "Unknown", c.getType()));
        }
        List<Taint> taints = new ArrayList<>(node.getSpec().getTaints());
        taints.add(new Taint("NoSchedule", UNREACHABLE, now, null));
        taints.add(new Taint("NoExecute", UNREACHABLE, now, null));
        api.updateStatus(new NodeBuilder(node).editStatus().withConditions(conditions).endStatus().build())
                .thenCompose(updated -> api.update(new NodeBuilder(updated).editSpec().withTaints(taints).endSpec().build()));
        events.event(node, EventRecorder.Type.Normal, "NodeNotReady", "Node " + node.getMetadata().getName()
                + " status is now: NodeNotReady");
        for (Pod pod : podsOn(node)) {
            List<PodCondition> conditions2 = new ArrayList<>();
            for (PodCondition c : pod.getStatus().getConditions()) {
                boolean readiness = c.getType().equals("Ready") || c.getType().equals("ContainersReady");
                conditions2.add(readiness ? new PodCondition(null, now, null, null, null, "False", c.getType()) : c);
            }
            api.updateStatus(new PodBuilder(pod).editStatus().withConditions(conditions2).endStatus().build());
        }
    }

    /** The NoExecute taint manager: evict what does not tolerate the taint, or has tolerated it long enough. */
    private void evictIntolerant(Node node) {
        Instant tainted = node.getSpec().getTaints().stream().filter(t -> UNREACHABLE.equals(t.getKey()) && "NoExecute".equals(t.getEffect()))
                .map(t -> Instant.parse(t.getTimeAdded())).findFirst().orElse(clock.now());
        for (Pod pod : podsOn(node)) {
            if (pod.getMetadata().getDeletionTimestamp() != null || evicted.contains(pod.getMetadata().getUid())) {
                continue;
            }
            Long seconds = pod.getSpec().getTolerations().stream()
                    .filter(t -> UNREACHABLE.equals(t.getKey()) && (t.getEffect() == null || "NoExecute".equals(t.getEffect())))
                    .map(t -> t.getTolerationSeconds() == null ? Long.MAX_VALUE : t.getTolerationSeconds()).findFirst().orElse(0L);
            if (seconds != Long.MAX_VALUE && !tainted.plusSeconds(seconds).isAfter(clock.now())) {
                evicted.add(pod.getMetadata().getUid());
                events.event(pod, EventRecorder.Type.Normal, "TaintManagerEviction", "Marking for deletion Pod "
                        + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
                api.delete(ApiResources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                        DeletionPropagation.BACKGROUND, null);
            }
        }
    }

    private List<Pod> podsOn(Node node) {
        return api.list(Pod.class, "").stream().filter(p -> node.getMetadata().getName().equals(p.getSpec().getNodeName())).toList();
    }
}
