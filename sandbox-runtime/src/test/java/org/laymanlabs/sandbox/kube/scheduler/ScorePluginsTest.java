package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each score plugin against a table of named cases: a pod, three nodes (with the pods already on
 * them), and the normalized scores the nodes get, 0 to 100, in kube-scheduler's integer arithmetic.
 */
class ScorePluginsTest {

    /** A Service selecting app=web, so that default spreading applies to the pods it selects. */
    private static final PodTopologySpread.Owners WEB_SERVICE = new PodTopologySpread.Owners() {
        @Override
        public List<Service> services(String namespace) {
            return List.of(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().addToSelector("app", "web").endSpec().build());
        }

        @Override
        public Optional<ReplicaSet> replicaSet(String namespace, String name) {
            return Optional.empty();
        }
    };

    static Stream<Arguments> cases() {
        Function<Cache, Plugin.Score> taints = cache -> new TaintToleration();
        Function<Cache, Plugin.Score> affinity = cache -> new NodeAffinity();
        Function<Cache, Plugin.Score> leastAllocated = cache -> new NodeResourcesFit();
        Function<Cache, Plugin.Score> balanced = cache -> new BalancedAllocation();
        Function<Cache, Plugin.Score> images = ImageLocality::new;
        Function<Cache, Plugin.Score> spread = cache -> new PodTopologySpread(cache, WEB_SERVICE);
        Pod web = new PodBuilder(FilterPluginsTest.pod("cpu", "1", "memory", "2Gi")).editMetadata().addToLabels("app", "web")
                .endMetadata().build();
        return Stream.of(
                Arguments.of("fewer untolerated PreferNoSchedule taints score higher", taints, web,
                        List.of(node("a"), tainted("b", 1), tainted("c", 2)), Map.of(), new long[] {100, 50, 0}),
                Arguments.of("preferred node affinity scores by matched weight", affinity, preferring(web),
                        List.of(labelled("a", "disk", "ssd"), labelled("b", "disk", "hdd"), node("c")), Map.of(),
                        new long[] {100, 20, 0}),
                Arguments.of("LeastAllocated prefers the emptier node", leastAllocated, web,
                        List.of(node("a"), node("b"), node("c")), Map.of("b", List.of(web), "c", List.of(web, web)),
                        new long[] {75, 50, 25}),
                Arguments.of("BalancedAllocation prefers a node whose cpu and memory shares stay close", balanced,
                        FilterPluginsTest.pod("cpu", "1", "memory", "2Gi"), List.of(node("a"), node("b"), node("c")),
                        Map.of("b", List.of(FilterPluginsTest.pod("cpu", "2")), "c", List.of(FilterPluginsTest.pod("memory", "2Gi"))),
                        new long[] {100, 75, 87}),
                Arguments.of("ImageLocality prefers the node that has the image, scaled by its spread", images,
                        FilterPluginsTest.pod("cpu", "1"), List.of(withImage("a", "nginx:1.27", 500), node("b"),
                                withImage("c", "docker.io/library/nginx:1.27", 500)), Map.of(), new long[] {14, 0, 0}),
                Arguments.of("default spreading prefers the node with fewer pods of the same Service", spread, web,
                        List.of(node("a"), node("b"), node("c")), Map.of("a", List.of(web, web), "b", List.of(web)),
                        new long[] {40, 60, 100}),
                Arguments.of("default spreading ignores pods the Service does not select", spread, web,
                        List.of(node("a"), node("b"), node("c")), Map.of("a", List.of(FilterPluginsTest.pod("cpu", "1"))),
                        new long[] {100, 100, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scores(String name, Function<Cache, Plugin.Score> plugin, Pod pod, List<Node> nodes, Map<String, List<Pod>> onNodes,
                long[] expected) {
        Cache cache = new Cache();
        nodes.forEach(cache::addOrUpdateNode);
        onNodes.forEach((node, pods) -> pods.forEach(p -> cache.addOrUpdatePod(
                new PodBuilder(FilterPluginsTest.placed(p).pod()).editSpec().withNodeName(node).endSpec().build())));
        Plugin.Score scorer = plugin.apply(cache);
        CycleState state = new CycleState();
        PodInfo info = PodInfo.of(pod);
        List<NodeInfo> feasible = cache.nodes();
        assertThat(scorer.preScore(state, info, feasible).code()).isEqualTo(Status.Code.SUCCESS);
        long[] scores = feasible.stream().mapToLong(n -> scorer.score(state, info, n)).toArray();
        scorer.normalize(state, info, feasible, scores);
        assertThat(scores).as(Arrays.toString(scores)).containsExactly(expected);
    }

    /** 4 CPUs, 8 GiB, hostname-labelled, as Cluster's workers but bigger. */
    private static Node node(String name) {
        return new NodeBuilder(Cluster.worker(name)).editStatus().withAllocatable(Map.of("cpu", new Quantity("4"),
                "memory", new Quantity("8Gi"), "pods", new Quantity("110"))).endStatus().build();
    }

    private static Node tainted(String name, int preferNoSchedule) {
        Taint[] taints = new Taint[preferNoSchedule];
        for (int i = 0; i < preferNoSchedule; i++) {
            taints[i] = new Taint("PreferNoSchedule", "spot-" + i, null, "true");
        }
        return new NodeBuilder(node(name)).editSpec().withTaints(taints).endSpec().build();
    }

    private static Node labelled(String name, String key, String value) {
        return new NodeBuilder(node(name)).editMetadata().addToLabels(key, value).endMetadata().build();
    }

    private static Node withImage(String name, String image, long megabytes) {
        return new NodeBuilder(node(name)).editStatus().withImages(new ContainerImage(List.of(image), megabytes * 1024 * 1024))
                .endStatus().build();
    }

    private static Pod preferring(Pod pod) {
        return new PodBuilder(pod).editSpec().withNewAffinity().withNewNodeAffinity().withPreferredDuringSchedulingIgnoredDuringExecution(
                new PreferredSchedulingTerm(new NodeSelectorTerm(List.of(new NodeSelectorRequirement("disk", "In", List.of("ssd"))), null), 80),
                new PreferredSchedulingTerm(new NodeSelectorTerm(List.of(new NodeSelectorRequirement("disk", "Exists", null)), null), 20))
                .endNodeAffinity().endAffinity().endSpec().build();
    }
}
