package org.laymanlabs.sandbox.kube.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors framework.FitError: no node fits the pod. Its message is the one learners meet in
 * {@code kubectl describe pod}: "0/3 nodes are available: " then the PreFilter message, or each
 * node's reasons counted and sorted as strings ("1 node(s) had untolerated taint …, 2
 * Insufficient cpu"), then what preemption found, each part ending with a full stop.
 */
record FitError(int numAllNodes, Diagnosis diagnosis) {

    String message() {
        StringBuilder message = new StringBuilder("0/").append(numAllNodes).append(" nodes are available:");
        if (!diagnosis.preFilterMsg.isEmpty()) {
            message.append(' ').append(diagnosis.preFilterMsg).append('.');
        } else {
            Map<String, Integer> histogram = new HashMap<>();
            for (Status status : diagnosis.nodeToStatus.values()) {
                status.reasons().forEach(reason -> histogram.merge(reason, 1, Integer::sum));
            }
            int absent = numAllNodes - diagnosis.nodeToStatus.size();
            if (absent > 0) {
                diagnosis.absentNodesStatus.reasons().forEach(reason -> histogram.merge(reason, absent, Integer::sum));
            }
            List<String> counted = new ArrayList<>();
            histogram.forEach((reason, count) -> counted.add(count + " " + reason));
            counted.sort(null);
            if (!counted.isEmpty()) {
                message.append(' ').append(String.join(", ", counted)).append('.');
            }
        }
        if (!diagnosis.postFilterMsg.isEmpty()) {
            message.append(' ').append(diagnosis.postFilterMsg).append('.');
        }
        return message.toString();
    }
}
