package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import java.util.List;
import java.util.Map;

/**
 * Mirrors plugins/nodeaffinity with component-helpers' nodeaffinity matching: the pod's
 * nodeSelector (every label must match) and its required node affinity (any one term must
 * match) filter; its preferred terms add their weights to the nodes they match.
 */
final class NodeAffinity implements Plugin.Filter, Plugin.Score {

    static final String NAME = "NodeAffinity";
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Map<String, String> labels = node.labels();
        Map<String, String> selector = pod.pod().getSpec().getNodeSelector();
        if (selector != null) {
            for (Map.Entry<String, String> want : selector.entrySet()) {
                if (!want.getValue().equals(labels.get(want.getKey()))) {
                    return Status.unresolvable(REASON);
                }
            }
        }
        NodeSelector required = nodeAffinity(pod) == null ? null : nodeAffinity(pod).getRequiredDuringSchedulingIgnoredDuringExecution();
        if (required != null && required.getNodeSelectorTerms().stream().noneMatch(t -> matches(t, node.node()))) {
            return Status.unresolvable(REASON);
        }
        return Status.SUCCESS;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        return preferred(pod).isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long sum = 0;
        for (PreferredSchedulingTerm term : preferred(pod)) {
            if (term.getWeight() != null && term.getWeight() != 0 && matches(term.getPreference(), node.node())) {
                sum += term.getWeight();
            }
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        Plugin.defaultNormalize(scores, false);
    }

    private static io.fabric8.kubernetes.api.model.NodeAffinity nodeAffinity(PodInfo pod) {
        Affinity affinity = pod.pod().getSpec().getAffinity();
        return affinity == null ? null : affinity.getNodeAffinity();
    }

    private static List<PreferredSchedulingTerm> preferred(PodInfo pod) {
        io.fabric8.kubernetes.api.model.NodeAffinity affinity = nodeAffinity(pod);
        List<PreferredSchedulingTerm> terms = affinity == null ? null : affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
        return terms == null ? List.of() : terms;
    }

    /** A term matches when all its expressions and fields do; an empty term matches no node. */
    static boolean matches(NodeSelectorTerm term, Node node) {
        List<NodeSelectorRequirement> expressions = term == null ? null : term.getMatchExpressions();
        List<NodeSelectorRequirement> fields = term == null ? null : term.getMatchFields();
        if ((expressions == null || expressions.isEmpty()) && (fields == null || fields.isEmpty())) {
            return false;
        }
        Map<String, String> labels = labels(node);
        if (expressions != null && !expressions.stream().allMatch(r -> holds(r, labels))) {
            return false;
        }
        Map<String, String> nodeFields = Map.of("metadata.name", node.getMetadata().getName());
        return fields == null || fields.stream().allMatch(r -> holds(r, nodeFields));
    }

    private static boolean holds(NodeSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt" -> value != null && values.size() == 1 && compare(value, values.get(0)) > 0;
            case "Lt" -> value != null && values.size() == 1 && compare(value, values.get(0)) < 0;
            default -> false;
        };
    }

    /** Gt and Lt compare integers; a label that is not one matches neither. */
    private static int compare(String label, String bound) {
        try {
            return Long.compare(Long.parseLong(label), Long.parseLong(bound));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
