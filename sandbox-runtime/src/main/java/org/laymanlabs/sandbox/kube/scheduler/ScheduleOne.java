package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;

/**
 * Mirrors schedule_one.go's scheduleOne and handleSchedulingFailure: one pod's scheduling
 * cycle (pick a node, assume the pod there), then its binding cycle, which runs on when the
 * binding is written; a failure records FailedScheduling, sets the pod's PodScheduled
 * condition, and puts the pod back in the queue.
 */
final class ScheduleOne {

    /** validation.NoteLengthLimit: an Event's message is cut to 1024 bytes. */
    private static final int NOTE_LENGTH_LIMIT = 1024;

    private final ApiServer api;
    private final Cache cache;
    private final SchedulingQueue queue;
    private final SchedulePod algorithm;
    private final EventRecorder recorder;
    private final Alive alive;
    private final Codec codec = Codec.shared();

    /** @param alive false once this scheduler has stopped, so late binding answers change nothing */
    ScheduleOne(ApiServer api, Cache cache, SchedulingQueue queue, SchedulePod algorithm, EventRecorder recorder,
                Alive alive) {
        this.api = api;
        this.cache = cache;
        this.queue = queue;
        this.algorithm = algorithm;
        this.recorder = recorder;
        this.alive = alive;
    }

    /** Whether the scheduler that made this is still the one running; kept, so serializable. */
    interface Alive extends BooleanSupplier, java.io.Serializable {
    }

    void scheduleOne(SchedulingQueue.QueuedPod queued) {
        PodInfo pod = queued.pod;
        long cycle = queue.schedulingCycle();
        SchedulePod.Result result = algorithm.schedule(pod);
        if (result instanceof SchedulePod.Scheduled scheduled) {
            cache.assume(pod, scheduled.node());
            bind(queued, scheduled.node(), cycle);
        } else if (result instanceof SchedulePod.NoFit noFit) {
            queued.unschedulablePlugins = Set.copyOf(noFit.error().diagnosis().unschedulablePlugins);
            failed(queued, cycle, "Unschedulable", noFit.error().message(), false);
        } else {
            queued.unschedulablePlugins = Set.of();
            failed(queued, cycle, "Unschedulable", SchedulePod.NO_NODES, false);
        }
    }

    /** The binding cycle: DefaultBinder's POST pods/binding, then "Scheduled" or a rollback. */
    private void bind(SchedulingQueue.QueuedPod queued, String node, long cycle) {
        Pod pod = queued.pod.pod();
        api.bind(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), node).whenComplete((bound, failure) -> {
            if (!alive.getAsBoolean()) {
                return;
            }
            if (failure == null) {
                recorder.event(pod, EventRecorder.Type.Normal, "Scheduled", "Successfully assigned "
                        + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " to " + node);
                return;
            }
            cache.forget(queued.pod.key());
            queue.move(SchedulingQueue.ClusterEvent.ASSIGNED_POD_DELETE);
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            failed(queued, cycle, "SchedulerError", "running Bind plugin \"DefaultBinder\": " + cause.getMessage(), true);
        });
    }

    /** handleSchedulingFailure: requeue the pod as it is now, tell the learner why, and mark the pod. */
    private void failed(SchedulingQueue.QueuedPod queued, long cycle, String reason, String message, boolean error) {
        Pod pod = queued.pod.pod();
        Optional<Pod> current = api.get(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        if (current.isPresent() && !assigned(current.get())) {
            queued.pod = PodInfo.of(current.get());
            queue.addUnschedulable(queued, cycle, error);
        }
        recorder.event(pod, EventRecorder.Type.Warning, "FailedScheduling", truncate(message));
        current.filter(p -> !assigned(p)).ifPresent(p -> setPodScheduledFalse(p, reason, message));
    }

    /** updatePod with podutil.UpdatePodCondition: written only if the condition changes. */
    private void setPodScheduledFalse(Pod pod, String reason, String message) {
        List<PodCondition> conditions = new ArrayList<>(pod.getStatus().getConditions());
        PodCondition existing = conditions.stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst().orElse(null);
        if (existing != null && "False".equals(existing.getStatus()) && reason.equals(existing.getReason())
                && message.equals(existing.getMessage())) {
            return;
        }
        String now = api.clock().now().truncatedTo(ChronoUnit.SECONDS).toString();
        String transition = existing != null && "False".equals(existing.getStatus()) ? existing.getLastTransitionTime() : now;
        PodCondition condition = new PodCondition(null, transition, message, null, reason, "False", "PodScheduled");
        if (existing == null) {
            conditions.add(condition);
        } else {
            conditions.set(conditions.indexOf(existing), condition);
        }
        Pod updated = codec.copy(pod);
        updated.getStatus().setConditions(conditions);
        updated.getMetadata().setResourceVersion(null);
        api.updateStatus(updated);
    }

    /** truncateMessage: a cut message ends with " ...". */
    static String truncate(String message) {
        if (message.length() <= NOTE_LENGTH_LIMIT) {
            return message;
        }
        return message.substring(0, NOTE_LENGTH_LIMIT - 4) + " ...";
    }

    private static boolean assigned(Pod pod) {
        return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }
}
