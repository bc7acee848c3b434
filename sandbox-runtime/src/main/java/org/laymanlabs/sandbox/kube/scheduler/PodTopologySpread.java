package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.laymanlabs.sandbox.kube.api.LabelSelectors;

/**
 * Mirrors plugins/podtopologyspread scoring with the system default constraints
 * (default.go, scoring.go): a pod of a Service or a ReplicaSet that sets no spread constraints
 * of its own is spread over hostnames (maxSkew 3) and zones (maxSkew 5), ScheduleAnyway. A node
 * that already runs more pods matching the same selectors scores lower. Nodes without a zone
 * label are spread by hostname alone.
 */
final class PodTopologySpread implements Plugin.Score {

    static final String NAME = "PodTopologySpread";
    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    /** What the default selector is built from: the Services and ReplicaSets the informers list. */
    interface Owners {
        List<Service> services(String namespace);

        Optional<ReplicaSet> replicaSet(String namespace, String name);
    }

    private record Constraint(String topologyKey, int maxSkew) {
    }

    private static final List<Constraint> SYSTEM_DEFAULTS = List.of(new Constraint(HOSTNAME, 3), new Constraint(ZONE, 5));

    /** The cycle's selectors, the per-zone counts, and each constraint's weight. */
    private record PreScoreState(Spread spread, Map<String, Long> zoneCounts, double[] weights) {
    }

    /** Zone counts include only nodes the pod could run on (nodeAffinityPolicy: Honor, the default). */
    private static final NodeAffinity AFFINITY = new NodeAffinity();

    private final Cache cache;
    private final Owners owners;
    private Spread lastSpread;

    PodTopologySpread(Cache cache, Owners owners) {
        this.cache = cache;
        this.owners = owners;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        List<LabelSelector> selector = defaultSelector(pod);
        if (selector.isEmpty() || cache.nodes().isEmpty()) {
            return Status.SKIP;
        }
        Spread spread = new Spread(selector, pod.namespace());
        if (!spread.equals(lastSpread)) {
            lastSpread = spread;
        }
        Map<String, Long> zoneCounts = new HashMap<>();
        Set<String> zones = new HashSet<>();
        for (NodeInfo node : feasible) {
            String zone = labels(node.node()).get(ZONE);
            zones.add(zone == null ? "" : zone);
            if (zone != null) {
                zoneCounts.put(zone, 0L);
            }
        }
        if (!zoneCounts.isEmpty()) {
            for (NodeInfo node : cache.nodes()) {
                String zone = labels(node.node()).getOrDefault(ZONE, "");
                if (zoneCounts.containsKey(zone) && AFFINITY.filter(state, pod, node).isSuccess()) {
                    zoneCounts.merge(zone, (long) countRemembered(node, lastSpread), Long::sum);
                }
            }
        }
        double[] weights = {Math.log(feasible.size() + 2), Math.log(zones.size() + 2)};
        state.write(PreScoreState.class, new PreScoreState(lastSpread, zoneCounts, weights));
        return Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        PreScoreState s = state.read(PreScoreState.class);
        Map<String, String> labels = labels(node.node());
        double score = 0;
        for (int i = 0; i < SYSTEM_DEFAULTS.size(); i++) {
            Constraint c = SYSTEM_DEFAULTS.get(i);
            String value = labels.get(c.topologyKey());
            if (value != null) {
                long count = c.topologyKey().equals(HOSTNAME) ? countRemembered(node, s.spread()) : s.zoneCounts().get(value);
                score += count * s.weights()[i] + (c.maxSkew() - 1);
            }
        }
        return Math.round(score);
    }

    /** Fewer matching pods is better: the lowest raw score becomes 100. */
    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long score : scores) {
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE * (max + min - scores[i]) / max;
        }
    }

    /**
     * Mirrors helper.DefaultSelector: the selectors of the Services that select the pod, and of
     * the ReplicaSet that controls it. Empty when there is neither, and then nothing is spread.
     */
    List<LabelSelector> defaultSelector(PodInfo pod) {
        List<LabelSelector> all = new ArrayList<>();
        Map<String, String> services = new HashMap<>();
        for (Service service : owners.services(pod.namespace())) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector != null && LabelSelectors.matches(new LabelSelector(null, selector), pod.labels())) {
                services.putAll(selector);
            }
        }
        if (!services.isEmpty()) {
            all.add(new LabelSelector(null, services));
        }
        List<OwnerReference> refs = pod.pod().getMetadata().getOwnerReferences();
        if (refs != null) {
            refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
                    .filter(r -> r.getKind().equals("ReplicaSet") && r.getApiVersion().equals("apps/v1"))
                    .flatMap(r -> owners.replicaSet(pod.namespace(), r.getName()))
                    .map(rs -> rs.getSpec().getSelector()).ifPresent(all::add);
        }
        return all;
    }

    /** Mirrors countPodsMatchSelector: pods of the same namespace, not terminating, that every selector matches. */
    private static int count(NodeInfo node, Spread spread) {
        int count = 0;
        for (PodInfo other : node.pods()) {
            if (!other.terminating() && other.namespace().equals(spread.namespace()) && spread.matches(other.labels())) {
                count++;
            }
        }
        return count;
    }

    /**
     * The same count, remembered per node until the node changes: the pods of one ReplicaSet
     * queue one after another, and between two of them only the node that took the last one
     * changed, so a cycle recounts one node instead of every pod on a thousand. The key is the
     * cycle's {@link Spread}, the same instance for as long as the selector stays the same.
     */
    private static int countRemembered(NodeInfo node, Spread spread) {
        OptionalInt known = node.remembered(spread);
        if (known.isPresent()) {
            return known.getAsInt();
        }
        int count = count(node, spread);
        node.remember(spread, count);
        return count;
    }

    /**
     * What is spread: pods of a namespace that every selector matches. It remembers its verdict
     * per label set, in the order the sets were first met: the cache shares one instance of each
     * distinct set, so a lookup mostly ends at the same instance, and a sandbox built twice keeps
     * them in the same order (an identity map listed them by identity hash).
     */
    private record Spread(List<LabelSelector> selector, String namespace, Map<Map<String, String>, Boolean> verdicts) {

        Spread(List<LabelSelector> selector, String namespace) {
            this(selector, namespace, new LinkedHashMap<>());
        }

        boolean matches(Map<String, String> labels) {
            Boolean known = verdicts.get(labels);
            if (known == null) {
                known = selector.stream().allMatch(s -> LabelSelectors.matches(s, labels));
                verdicts.put(labels, known);
            }
            return known;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Spread s && s.selector.equals(selector) && s.namespace.equals(namespace);
        }

        @Override
        public int hashCode() {
            return selector.hashCode() * 31 + namespace.hashCode();
        }
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
