package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeManager;

/**
 * Mirrors pkg/kubelet/kubelet_pods.go generateAPIPodStatus, convertToAPIContainerStatuses and
 * getPhase, with pkg/kubelet/status/generate.go's conditions: what the kubelet posts for a pod
 * from the runtime's containers, the reasons they wait, and the probes' verdicts.
 */
final class PodStatuses {

    private PodStatuses() {
    }

    static PodStatus build(PodRecord pod, ProbeManager probes, String hostIp, Instant now, PodStatus previous) {
        // A container not created yet waits in ContainerCreating, or PodInitializing in a pod with init containers.
        String notCreated = pod.pod.getSpec().getInitContainers().isEmpty() ? "ContainerCreating" : "PodInitializing";
        List<ContainerStatus> init = pod.pod.getSpec().getInitContainers().stream()
                .map(c -> container(pod, c, probes, notCreated)).toList();
        boolean initialized = init.stream().allMatch(s -> s.getState().getTerminated() != null
                && s.getState().getTerminated().getExitCode() == 0);
        List<ContainerStatus> apps = pod.pod.getSpec().getContainers().stream()
                .map(c -> container(pod, c, probes, notCreated)).toList();
        String phase = phase(pod.pod.getSpec().getRestartPolicy(), init, apps);
        String time = stamp(now);
        List<PodCondition> conditions = new ArrayList<>();
        boolean sandboxReady = pod.sandbox.filter(s -> s.state() == org.laymanlabs.sandbox.kube.cri.PodSandbox.State.SANDBOX_READY)
                .isPresent();
        conditions.add(condition(previous, "PodReadyToStartContainers", sandboxReady, null, null, time));
        conditions.add(condition(previous, "Initialized", initialized, initialized ? null : "ContainersNotInitialized",
                initialized ? null : "containers with incomplete status: " + names(init, s -> !(s.getState().getTerminated() != null
                        && s.getState().getTerminated().getExitCode() == 0)), time));
        boolean ready = apps.stream().allMatch(ContainerStatus::getReady);
        String reason = ready ? null : phase.equals("Succeeded") ? "PodCompleted" : "ContainersNotReady";
        String message = ready || phase.equals("Succeeded") ? null : "containers with unready status: " + names(apps, s -> !s.getReady());
        conditions.add(condition(previous, "Ready", ready, reason, message, time));
        conditions.add(condition(previous, "ContainersReady", ready, reason, message, time));
        if (previous != null) {
            previous.getConditions().stream().filter(c -> c.getType().equals("PodScheduled")).forEach(conditions::add);
        }
        PodStatusBuilder status = new PodStatusBuilder().withPhase(phase).withConditions(conditions)
                .withHostIP(hostIp).withHostIPs(new HostIP(hostIp)).withStartTime(stamp(pod.startTime))
                .withInitContainerStatuses(init).withContainerStatuses(apps)
                .withQosClass(previous == null ? null : previous.getQosClass());
        if (pod.ip != null) {
            status.withPodIP(pod.ip).withPodIPs(new PodIP(pod.ip));
        }
        return status.build();
    }

    /** getPhase: waiting containers keep a pod Pending; exits under the restart policy make it Succeeded or Failed. */
    static String phase(String restartPolicy, List<ContainerStatus> init, List<ContainerStatus> apps) {
        String policy = restartPolicy == null ? "Always" : restartPolicy;
        boolean initFailed = init.stream().anyMatch(s -> exitedNonZero(s.getState()) || (s.getState().getWaiting() != null
                && s.getLastState() != null && exitedNonZero(s.getLastState())));
        if (initFailed && policy.equals("Never")) {
            return "Failed";
        }
        boolean initPending = init.stream().anyMatch(s -> s.getState().getTerminated() == null
                || s.getState().getTerminated().getExitCode() != 0);
        if (initPending) {
            return "Pending";
        }
        int running = 0;
        int waiting = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus s : apps) {
            if (s.getState().getRunning() != null) {
                running++;
            } else if (s.getState().getTerminated() != null) {
                stopped++;
                succeeded += s.getState().getTerminated().getExitCode() == 0 ? 1 : 0;
            } else if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
                stopped++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return "Pending";
        }
        if (running > 0) {
            return "Running";
        }
        if (stopped > 0) {
            if (policy.equals("Always")) {
                return "Running";
            }
            if (stopped == succeeded) {
                return "Succeeded";
            }
            return policy.equals("Never") ? "Failed" : "Running";
        }
        return "Pending";
    }

    private static boolean exitedNonZero(ContainerState state) {
        return state != null && state.getTerminated() != null && state.getTerminated().getExitCode() != 0;
    }

    private static ContainerStatus container(PodRecord pod, Container spec, ProbeManager probes, String defaultWaiting) {
        Optional<CriContainer> latest = pod.latest(spec.getName());
        PodRecord.Waiting waiting = pod.waiting.get(spec.getName());
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(spec.getName())
                .withImage(spec.getImage()).withImageID("").withRestartCount(latest.map(CriContainer::attempt).orElse(0))
                .withReady(false).withStarted(false);
        if (latest.isEmpty()) {
            return status.withState(waiting(waiting == null ? new PodRecord.Waiting(defaultWaiting, null) : waiting)).build();
        }
        CriContainer c = latest.get();
        status.withImage(fullName(spec.getImage())).withImageID(c.imageRef()).withContainerID("containerd://" + c.id());
        switch (c.state()) {
            case CONTAINER_RUNNING -> {
                boolean started = probes.started(pod.uid(), spec.getName());
                status.withState(new ContainerStateBuilder().withNewRunning().withStartedAt(stamp(c.startedAt().orElseThrow()))
                        .endRunning().build()).withStarted(started).withReady(started && probes.ready(pod.uid(), spec.getName()));
                pod.previous(spec.getName()).ifPresent(p -> status.withLastState(terminated(p)));
            }
            case CONTAINER_EXITED -> {
                if (waiting != null) {
                    status.withState(waiting(waiting)).withLastState(terminated(c));
                } else {
                    status.withState(terminated(c));
                    pod.previous(spec.getName()).ifPresent(p -> status.withLastState(terminated(p)));
                }
            }
            default -> status.withState(waiting(new PodRecord.Waiting("ContainerCreating", null)));
        }
        return status.build();
    }

    private static ContainerState waiting(PodRecord.Waiting waiting) {
        return new ContainerStateBuilder().withNewWaiting().withReason(waiting.reason()).withMessage(waiting.message())
                .endWaiting().build();
    }

    private static ContainerState terminated(CriContainer c) {
        return new ContainerStateBuilder().withNewTerminated().withContainerID("containerd://" + c.id())
                .withExitCode(c.exitCode()).withReason(c.reason()).withMessage(c.message().orElse(null))
                .withStartedAt(c.startedAt().map(PodStatuses::stamp).orElse(null))
                .withFinishedAt(c.finishedAt().map(PodStatuses::stamp).orElse(null)).endTerminated().build();
    }

    /** containerd reports the image by its full name, e.g. docker.io/library/nginx:1.27. */
    private static String fullName(String image) {
        try {
            return Reference.parse(image).withDefaultTag().toString();
        } catch (InvalidReferenceException e) {
            return image;
        }
    }

    private static String names(List<ContainerStatus> statuses, java.util.function.Predicate<ContainerStatus> which) {
        return statuses.stream().filter(which).map(ContainerStatus::getName).collect(Collectors.joining(" ", "[", "]"));
    }

    /** A condition keeps its lastTransitionTime while its status holds. */
    private static PodCondition condition(PodStatus previous, String type, boolean status, String reason, String message,
                                          String now) {
        String value = status ? "True" : "False";
        String transition = previous == null ? now : previous.getConditions().stream()
                .filter(c -> c.getType().equals(type) && c.getStatus().equals(value))
                .map(PodCondition::getLastTransitionTime).findFirst().orElse(now);
        return new PodCondition(null, transition, message, null, reason, value, type);
    }

    static String stamp(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
