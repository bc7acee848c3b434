package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole cycle over a cache: which node, or kube-scheduler 1.32's FailedScheduling message, word for word. */
class SchedulePodTest {

    private static final String TAINT = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

    static Stream<Arguments> failures() {
        Node cp = Cluster.controlPlane("control-plane");
        Node w1 = Cluster.worker("worker-1");
        Node w2 = Cluster.worker("worker-2");
        List<Node> eleven = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            eleven.add(Cluster.worker("worker-" + i));
        }
        eleven.add(new NodeBuilder(Cluster.worker("cordoned")).editSpec().withUnschedulable(true).endSpec().build());
        return Stream.of(
                Arguments.of("a taint on one node, too little cpu on two", List.of(cp, w1, w2), Cluster.pod("big", "3"),
                        "0/3 nodes are available: 1 " + TAINT + ", 2 Insufficient cpu. preemption: 0/3 nodes are available: "
                                + "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.."),
                Arguments.of("every node tainted: preemption cannot help anywhere", List.of(cp, Cluster.controlPlane("cp-2")),
                        Cluster.pod("web", "100m"), "0/2 nodes are available: 2 " + TAINT + ". preemption: 0/2 nodes are available: "
                                + "2 Preemption is not helpful for scheduling.."),
                Arguments.of("cpu and memory both short on a node count separately", List.of(w1),
                        FilterPluginsTest.pod("cpu", "3", "memory", "5Gi"), "0/1 nodes are available: 1 Insufficient cpu, "
                                + "1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.."),
                Arguments.of("counts sort as strings, so 10 comes before 1 node", eleven, Cluster.pod("big", "3"),
                        "0/11 nodes are available: 1 node(s) were unschedulable, 10 Insufficient cpu. preemption: 0/11 nodes are "
                                + "available: 1 Preemption is not helpful for scheduling, 10 No preemption victims found for incoming pod.."),
                Arguments.of("a pod that may not preempt says so", List.of(w1),
                        new PodBuilder(Cluster.pod("big", "3")).editSpec().withPreemptionPolicy("Never").endSpec().build(),
                        "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void explainsWhyNoNodeFits(String name, List<Node> nodes, Pod pod, String message) {
        SchedulePod.Result result = cycle(nodes, List.of()).schedule(PodInfo.of(withNamespace(pod)));
        assertThat(result).isInstanceOfSatisfying(SchedulePod.NoFit.class, noFit -> assertThat(noFit.error().message()).isEqualTo(message));
    }

    @Test
    void picksTheOnlyNodeThatFits() {
        SchedulePod.Result result = cycle(List.of(Cluster.controlPlane("control-plane"), Cluster.worker("worker-1")), List.of())
                .schedule(PodInfo.of(withNamespace(Cluster.pod("web", "100m"))));
        assertThat(result).isEqualTo(new SchedulePod.Scheduled("worker-1", 2, 1));
    }

    @Test
    void saysSoWhenThereAreNoNodes() {
        assertThat(cycle(List.of(), List.of()).schedule(PodInfo.of(withNamespace(Cluster.pod("web", "100m")))))
                .isInstanceOf(SchedulePod.NoNodes.class);
    }

    @Test
    void breaksTiesAtRandomButReproduciblyFromTheSeed() {
        List<Node> nodes = List.of(Cluster.worker("worker-1"), Cluster.worker("worker-2"), Cluster.worker("worker-3"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> picks : List.of(first, second)) {
            SchedulePod cycle = cycle(nodes, List.of());
            for (int i = 0; i < 12; i++) {
                picks.add(((SchedulePod.Scheduled) cycle.schedule(PodInfo.of(withNamespace(Cluster.pod("web-" + i, "0"))))).node());
            }
        }
        assertThat(first).isEqualTo(second).contains("worker-1", "worker-2", "worker-3");
    }

    @ParameterizedTest(name = "{0} nodes: stop after {1} feasible")
    @CsvSource({"3, 3", "99, 99", "100, 100", "1000, 420", "5000, 500", "6000, 300"})
    void scoresOnlyAShareOfALargeCluster(int nodes, int wanted) {
        assertThat(SchedulePod.numFeasibleNodesToFind(nodes)).isEqualTo(wanted);
    }

    private static SchedulePod cycle(List<Node> nodes, List<Pod> bound) {
        Cache cache = new Cache();
        nodes.forEach(cache::addOrUpdateNode);
        bound.forEach(cache::addOrUpdatePod);
        PodTopologySpread.Owners none = new PodTopologySpread.Owners() {
            @Override
            public List<io.fabric8.kubernetes.api.model.Service> services(String namespace) {
                return List.of();
            }

            @Override
            public Optional<io.fabric8.kubernetes.api.model.apps.ReplicaSet> replicaSet(String namespace, String name) {
                return Optional.empty();
            }
        };
        return new SchedulePod(cache, Framework.defaultProfile(cache, none), new SplittableRandom(3));
    }

    private static Pod withNamespace(Pod pod) {
        return new PodBuilder(pod).editMetadata().withNamespace("default").endMetadata().build();
    }
}
