package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mirrors printDeployment, printReplicaSet, printDaemonSet and printJob in kubernetes
 * pkg/printers/internalversion/printers.go.
 */
final class WorkloadRows {

    static final List<Column> DEPLOYMENT = List.of(Column.of("Name"), Column.of("Ready"), Column.of("Up-to-date"),
            Column.of("Available"), Column.of("Age"), Column.wide("Containers"), Column.wide("Images"), Column.wide("Selector"));
    static final List<Column> REPLICA_SET = List.of(Column.of("Name"), Column.of("Desired"), Column.of("Current"),
            Column.of("Ready"), Column.of("Age"), Column.wide("Containers"), Column.wide("Images"), Column.wide("Selector"));
    static final List<Column> DAEMON_SET = List.of(Column.of("Name"), Column.of("Desired"), Column.of("Current"),
            Column.of("Ready"), Column.of("Up-to-date"), Column.of("Available"), Column.of("Node Selector"), Column.of("Age"),
            Column.wide("Containers"), Column.wide("Images"), Column.wide("Selector"));
    static final List<Column> JOB = List.of(Column.of("Name"), Column.of("Status"), Column.of("Completions"),
            Column.of("Duration"), Column.of("Age"), Column.wide("Containers"), Column.wide("Images"), Column.wide("Selector"));

    private WorkloadRows() {
    }

    static List<String> deployment(Deployment d, Instant now) {
        var status = d.getStatus();
        int replicas = d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
        return List.of(d.getMetadata().getName(), n(status == null ? null : status.getReadyReplicas()) + "/" + replicas,
                Integer.toString(n(status == null ? null : status.getUpdatedReplicas())),
                Integer.toString(n(status == null ? null : status.getAvailableReplicas())),
                Age.since(d.getMetadata().getCreationTimestamp(), now), names(d.getSpec().getTemplate().getSpec().getContainers()),
                images(d.getSpec().getTemplate().getSpec().getContainers()), SelectorText.selector(d.getSpec().getSelector()));
    }

    static List<String> replicaSet(ReplicaSet rs, Instant now) {
        var status = rs.getStatus();
        return List.of(rs.getMetadata().getName(), Integer.toString(n(rs.getSpec().getReplicas())),
                Integer.toString(n(status == null ? null : status.getReplicas())),
                Integer.toString(n(status == null ? null : status.getReadyReplicas())),
                Age.since(rs.getMetadata().getCreationTimestamp(), now), names(rs.getSpec().getTemplate().getSpec().getContainers()),
                images(rs.getSpec().getTemplate().getSpec().getContainers()), SelectorText.formatSelector(rs.getSpec().getSelector()));
    }

    static List<String> daemonSet(DaemonSet ds, Instant now) {
        var s = ds.getStatus();
        var spec = ds.getSpec().getTemplate().getSpec();
        return List.of(ds.getMetadata().getName(), Integer.toString(s == null ? 0 : n(s.getDesiredNumberScheduled())),
                Integer.toString(s == null ? 0 : n(s.getCurrentNumberScheduled())), Integer.toString(s == null ? 0 : n(s.getNumberReady())),
                Integer.toString(s == null ? 0 : n(s.getUpdatedNumberScheduled())), Integer.toString(s == null ? 0 : n(s.getNumberAvailable())),
                SelectorText.labels(spec.getNodeSelector()), Age.since(ds.getMetadata().getCreationTimestamp(), now),
                names(spec.getContainers()), images(spec.getContainers()), SelectorText.formatSelector(ds.getSpec().getSelector()));
    }

    static List<String> job(Job job, Instant now) {
        var spec = job.getSpec();
        var s = job.getStatus();
        int succeeded = s == null ? 0 : n(s.getSucceeded());
        String completions;
        if (spec.getCompletions() != null) {
            completions = succeeded + "/" + spec.getCompletions();
        } else {
            int parallelism = n(spec.getParallelism());
            completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
        }
        String duration = "";
        if (s != null && s.getStartTime() != null) {
            Instant start = Instant.parse(s.getStartTime());
            duration = Age.human(Duration.between(start, s.getCompletionTime() == null ? now : Instant.parse(s.getCompletionTime())));
        }
        List<JobCondition> conditions = s == null ? List.of() : s.getConditions();
        String state;
        if (has(conditions, "Complete")) {
            state = "Complete";
        } else if (has(conditions, "Failed")) {
            state = "Failed";
        } else if (job.getMetadata().getDeletionTimestamp() != null) {
            state = "Terminating";
        } else if (has(conditions, "Suspended")) {
            state = "Suspended";
        } else if (has(conditions, "FailureTarget")) {
            state = "FailureTarget";
        } else {
            state = "Running";
        }
        var pod = spec.getTemplate().getSpec();
        return List.of(job.getMetadata().getName(), state, completions, duration, Age.since(job.getMetadata().getCreationTimestamp(), now),
                names(pod.getContainers()), images(pod.getContainers()), SelectorText.formatSelector(spec.getSelector()));
    }

    private static boolean has(List<JobCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    static String names(List<Container> containers) {
        return containers.stream().map(Container::getName).collect(Collectors.joining(","));
    }

    static String images(List<Container> containers) {
        return containers.stream().map(Container::getImage).map(i -> i == null ? "" : i).collect(Collectors.joining(","));
    }

    static int n(Integer value) {
        return value == null ? 0 : value;
    }
}
