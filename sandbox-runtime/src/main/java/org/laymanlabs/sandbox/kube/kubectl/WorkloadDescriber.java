package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors describeDeployment (with deploymentutil's old and new replica sets) and
 * describeReplicaSet (with getPodStatusForController) in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go.
 */
final class WorkloadDescriber {

    private WorkloadDescriber() {
    }

    static String deployment(Deployment d, ApiServer api, List<Event> events, Instant now) {
        DescribeWriter w = new DescribeWriter();
        var spec = d.getSpec();
        var status = d.getStatus() == null ? new io.fabric8.kubernetes.api.model.apps.DeploymentStatus() : d.getStatus();
        w.write(0, "Name:\t" + d.getMetadata().getName() + "\n");
        w.write(0, "Namespace:\t" + d.getMetadata().getNamespace() + "\n");
        w.write(0, "CreationTimestamp:\t" + DescribeWriter.time(d.getMetadata().getCreationTimestamp()) + "\n");
        w.labels("Labels", d.getMetadata().getLabels());
        w.annotations("Annotations", d.getMetadata().getAnnotations());
        w.write(0, "Selector:\t" + SelectorText.selector(spec.getSelector()) + "\n");
        w.write(0, "Replicas:\t" + WorkloadRows.n(spec.getReplicas()) + " desired | " + WorkloadRows.n(status.getUpdatedReplicas())
                + " updated | " + WorkloadRows.n(status.getReplicas()) + " total | " + WorkloadRows.n(status.getAvailableReplicas())
                + " available | " + WorkloadRows.n(status.getUnavailableReplicas()) + " unavailable\n");
        var strategy = spec.getStrategy();
        w.write(0, "StrategyType:\t" + (strategy == null ? "" : ClusterRows.nz(strategy.getType())) + "\n");
        w.write(0, "MinReadySeconds:\t" + WorkloadRows.n(spec.getMinReadySeconds()) + "\n");
        if (strategy != null && strategy.getRollingUpdate() != null) {
            w.write(0, "RollingUpdateStrategy:\t" + text(strategy.getRollingUpdate().getMaxUnavailable()) + " max unavailable, "
                    + text(strategy.getRollingUpdate().getMaxSurge()) + " max surge\n");
        }
        PodDescriber.template(spec.getTemplate(), w);
        if (!status.getConditions().isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
            w.write(1, "----\t------\t------\n");
            status.getConditions().forEach(c -> w.write(1, c.getType() + " \t" + c.getStatus() + "\t" + ClusterRows.nz(c.getReason()) + "\n"));
        }
        List<ReplicaSet> owned = Rollouts.replicaSets(d, api);
        ReplicaSet newest = Rollouts.newReplicaSet(d, owned);
        List<ReplicaSet> old = owned.stream().filter(rs -> rs != newest).toList();
        if (!owned.isEmpty()) {
            w.write(0, "OldReplicaSets:\t" + created(old) + "\n");
            w.write(0, "NewReplicaSet:\t" + created(newest == null ? List.of() : List.of(newest)) + "\n");
        }
        if (events != null) {
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }

    private static String created(List<ReplicaSet> sets) {
        String list = sets.stream().map(rs -> rs.getMetadata().getName() + " (" + (rs.getStatus() == null ? 0
                : WorkloadRows.n(rs.getStatus().getReplicas())) + "/" + WorkloadRows.n(rs.getSpec().getReplicas()) + " replicas created)")
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "<none>" : list;
    }

    static String text(IntOrString value) {
        if (value == null) {
            return "<nil>";
        }
        return value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    static String replicaSet(ReplicaSet rs, ApiServer api, List<Event> events, Instant now) {
        DescribeWriter w = new DescribeWriter();
        w.write(0, "Name:\t" + rs.getMetadata().getName() + "\n");
        w.write(0, "Namespace:\t" + rs.getMetadata().getNamespace() + "\n");
        w.write(0, "Selector:\t" + SelectorText.formatSelector(rs.getSpec().getSelector()) + "\n");
        w.labels("Labels", rs.getMetadata().getLabels());
        w.annotations("Annotations", rs.getMetadata().getAnnotations());
        PodDescriber.controller(rs.getMetadata().getOwnerReferences()).ifPresent(c -> w.write(0, "Controlled By:\t" + c + "\n"));
        w.write(0, "Replicas:\t" + (rs.getStatus() == null ? 0 : WorkloadRows.n(rs.getStatus().getReplicas())) + " current / "
                + WorkloadRows.n(rs.getSpec().getReplicas()) + " desired\n");
        int[] phases = new int[4];
        LabelQuery selector = LabelQuery.parse(SelectorText.selector(rs.getSpec().getSelector()));
        for (Pod pod : api.list(Pod.class, rs.getMetadata().getNamespace())) {
            boolean ours = pod.getMetadata().getOwnerReferences().stream().anyMatch(o -> Boolean.TRUE.equals(o.getController())
                    && o.getUid().equals(rs.getMetadata().getUid()));
            if (!ours || !selector.matches(pod.getMetadata().getLabels())) {
                continue;
            }
            switch (ClusterRows.nz(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
                case "Running" -> phases[0]++;
                case "Pending" -> phases[1]++;
                case "Succeeded" -> phases[2]++;
                case "Failed" -> phases[3]++;
                default -> {
                }
            }
        }
        w.write(0, "Pods Status:\t");
        w.write(0, phases[0] + " Running / " + phases[1] + " Waiting / " + phases[2] + " Succeeded / " + phases[3] + " Failed\n");
        PodDescriber.template(rs.getSpec().getTemplate(), w);
        if (rs.getStatus() != null && !rs.getStatus().getConditions().isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
            w.write(1, "----\t------\t------\n");
            rs.getStatus().getConditions().forEach(c -> w.write(1, c.getType() + " \t" + c.getStatus() + "\t" + ClusterRows.nz(c.getReason()) + "\n"));
        }
        if (events != null) {
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }
}
