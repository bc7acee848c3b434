package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors printPod in kubernetes pkg/printers/internalversion/printers.go: the READY count, the
 * STATUS word (a container's waiting or terminated reason, Init:x/y, Completed, Terminating…),
 * RESTARTS with the time of the last restart, and the wide columns.
 */
final class PodRow {

    static final List<Column> COLUMNS = List.of(Column.of("Name"), Column.of("Ready"), Column.of("Status"),
            Column.of("Restarts"), Column.of("Age"), Column.wide("IP"), Column.wide("Node"),
            Column.wide("Nominated Node"), Column.wide("Readiness Gates"));

    private PodRow() {
    }

    static List<String> cells(Pod pod, Instant now) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        List<Container> containers = pod.getSpec().getContainers();
        Map<String, Container> inits = new HashMap<>();
        int total = containers.size();
        for (Container init : pod.getSpec().getInitContainers()) {
            inits.put(init.getName(), init);
            if (restartable(init)) {
                total++;
            }
        }
        String phase = status.getPhase() == null ? "" : status.getPhase();
        String reason = status.getReason() != null && !status.getReason().isEmpty() ? status.getReason() : phase;
        for (PodCondition c : status.getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
                reason = "SchedulingGated";
            }
        }
        int restarts = 0;
        int sidecarRestarts = 0;
        int ready = 0;
        String lastRestart = null;
        String lastSidecarRestart = null;
        boolean initializing = false;
        List<ContainerStatus> initStatuses = status.getInitContainerStatuses();
        for (int i = 0; i < initStatuses.size(); i++) {
            ContainerStatus c = initStatuses.get(i);
            restarts += count(c);
            lastRestart = later(lastRestart, finishedAt(c));
            boolean sidecar = restartable(inits.get(c.getName()));
            if (sidecar) {
                sidecarRestarts += count(c);
                lastSidecarRestart = later(lastSidecarRestart, finishedAt(c));
            }
            var terminated = c.getState() == null ? null : c.getState().getTerminated();
            var waiting = c.getState() == null ? null : c.getState().getWaiting();
            if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() == 0) {
                continue;
            }
            if (sidecar && Boolean.TRUE.equals(c.getStarted())) {
                if (Boolean.TRUE.equals(c.getReady())) {
                    ready++;
                }
                continue;
            }
            if (terminated != null) {
                if (terminated.getReason() == null || terminated.getReason().isEmpty()) {
                    reason = terminated.getSignal() != null && terminated.getSignal() != 0 ? "Init:Signal:" + terminated.getSignal()
                            : "Init:ExitCode:" + terminated.getExitCode();
                } else {
                    reason = "Init:" + terminated.getReason();
                }
            } else if (waiting != null && waiting.getReason() != null && !waiting.getReason().isEmpty()
                    && !waiting.getReason().equals("PodInitializing")) {
                reason = "Init:" + waiting.getReason();
            } else {
                reason = "Init:" + i + "/" + pod.getSpec().getInitContainers().size();
            }
            initializing = true;
            break;
        }
        if (!initializing || conditionTrue(status, "Initialized")) {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = status.getContainerStatuses();
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus c = statuses.get(i);
                restarts += count(c);
                lastRestart = later(lastRestart, finishedAt(c));
                var waiting = c.getState() == null ? null : c.getState().getWaiting();
                var terminated = c.getState() == null ? null : c.getState().getTerminated();
                if (waiting != null && waiting.getReason() != null && !waiting.getReason().isEmpty()) {
                    reason = waiting.getReason();
                } else if (terminated != null && terminated.getReason() != null && !terminated.getReason().isEmpty()) {
                    reason = terminated.getReason();
                } else if (terminated != null) {
                    reason = terminated.getSignal() != null && terminated.getSignal() != 0 ? "Signal:" + terminated.getSignal()
                            : "ExitCode:" + terminated.getExitCode();
                } else if (Boolean.TRUE.equals(c.getReady()) && c.getState() != null && c.getState().getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }
        if (pod.getMetadata().getDeletionTimestamp() != null && "NodeLost".equals(status.getReason())) {
            reason = "Unknown";
        } else if (pod.getMetadata().getDeletionTimestamp() != null && !phase.equals("Failed") && !phase.equals("Succeeded")) {
            reason = "Terminating";
        }
        String restartText = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartText = restarts + " (" + Age.since(lastRestart, now) + " ago)";
        }
        String ip = status.getPodIPs().isEmpty() ? "<none>" : status.getPodIPs().get(0).getIp();
        return List.of(pod.getMetadata().getName(), ready + "/" + total, reason, restartText,
                Age.since(pod.getMetadata().getCreationTimestamp(), now), ip, orNone(pod.getSpec().getNodeName()),
                orNone(status.getNominatedNodeName()), readinessGates(pod, status));
    }

    private static String readinessGates(Pod pod, PodStatus status) {
        List<PodReadinessGate> gates = pod.getSpec().getReadinessGates();
        if (gates.isEmpty()) {
            return "<none>";
        }
        int trueConditions = 0;
        for (PodReadinessGate gate : gates) {
            if (status.getConditions().stream().filter(c -> c.getType().equals(gate.getConditionType())).findFirst()
                    .map(c -> "True".equals(c.getStatus())).orElse(false)) {
                trueConditions++;
            }
        }
        return trueConditions + "/" + gates.size();
    }

    static boolean restartable(Container init) {
        return init != null && "Always".equals(init.getRestartPolicy());
    }

    static boolean conditionTrue(PodStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static int count(ContainerStatus c) {
        return c.getRestartCount() == null ? 0 : c.getRestartCount();
    }

    private static String finishedAt(ContainerStatus c) {
        var last = c.getLastState();
        return last == null || last.getTerminated() == null ? null : last.getTerminated().getFinishedAt();
    }

    /** RFC 3339 times in UTC with whole seconds compare as text. */
    private static String later(String a, String b) {
        if (b == null) {
            return a;
        }
        return a == null || a.compareTo(b) < 0 ? b : a;
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }
}
