package org.laymanlabs.sandbox.kube.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Mirrors framework.Diagnosis: why each node was rejected in one cycle, which plugins rejected
 * (so the queue knows which cluster events could help), and the messages of PreFilter and
 * PostFilter. Nodes absent from {@link #nodeToStatus} share {@link #absentNodesStatus}.
 */
final class Diagnosis {

    final Map<String, Status> nodeToStatus = new LinkedHashMap<>();
    final TreeSet<String> unschedulablePlugins = new TreeSet<>();
    Status absentNodesStatus = new Status(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, java.util.List.of(), null);
    String preFilterMsg = "";
    String postFilterMsg = "";

    void record(String node, Status status) {
        nodeToStatus.put(node, status);
        if (status.plugin() != null && status.isRejected()) {
            unschedulablePlugins.add(status.plugin());
        }
    }

    Status status(String node) {
        return nodeToStatus.getOrDefault(node, absentNodesStatus);
    }
}
