package org.laymanlabs.sandbox.kube.controller.job;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;
import org.laymanlabs.sandbox.kube.controller.Writes;

/**
 * Mirrors pkg/controller/job/job_controller.go for non-indexed Jobs: runs up to parallelism pods
 * at a time until completions of them have succeeded, counts failures against backoffLimit, and
 * marks the Job Complete or Failed with the real reasons.
 */
public final class JobController implements Controller {

    private final ApiServer api;
    private final EventRecorder events;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public JobController(ApiServer api, EventRecorder events) {
        this.api = api;
        this.events = events;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.JOBS, "", from, e -> queue.add(ControllerRefs.key(e.object()))));
        watches.add(api.watch(ApiResources.PODS, "", from, e -> ControllerRefs.of(e.object()).filter(r -> r.getKind().equals("Job"))
                .ifPresent(r -> queue.add(e.object().getMetadata().getNamespace() + "/" + r.getName()))));
        api.list(Job.class, "").forEach(j -> queue.add(ControllerRefs.key(j)));
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    private void sync(String key, WorkQueue.Done done) {
        String ns = ControllerRefs.namespaceOf(key);
        Job job = api.get(Job.class, ns, ControllerRefs.nameOf(key)).orElse(null);
        if (job == null || finished(job)) {
            done.success();
            return;
        }
        List<Pod> pods = api.list(Pod.class, ns).stream().filter(p -> ControllerRefs.ownedBy(p, job)).toList();
        int succeeded = (int) pods.stream().filter(p -> "Succeeded".equals(PodStatuses.phase(p))).count();
        int failed = (int) pods.stream().filter(p -> "Failed".equals(PodStatuses.phase(p))).count();
        List<Pod> active = pods.stream().filter(PodStatuses::isActive).toList();
        int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
        int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
        int backoffLimit = job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
        String now = api.clock().now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        JobStatus status = Codec.shared().copy(job.getStatus() == null ? new JobStatus() : job.getStatus());
        if (status.getStartTime() == null) {
            status.setStartTime(now);
        }
        if (failed > backoffLimit) {
            active.forEach(p -> writes.add(api.delete(ApiResources.PODS, ns, p.getMetadata().getName(), DeletionPropagation.BACKGROUND, null)));
            status.setConditions(List.of(condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now),
                    condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now)));
            events.event(job, EventRecorder.Type.Warning, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        } else if (succeeded >= completions) {
            status.setConditions(List.of(condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now),
                    condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now)));
            status.setCompletionTime(now);
            events.event(job, EventRecorder.Type.Normal, "Completed", "Job completed");
        } else {
            int wanted = Math.min(parallelism, completions - succeeded) - active.size();
            for (int i = 0; i < wanted; i++) {
                writes.add(api.create(newPod(job)).thenAccept(p -> events.event(job, EventRecorder.Type.Normal,
                        "SuccessfulCreate", "Created pod: " + p.getMetadata().getName())));
            }
        }
        status.setActive(active.isEmpty() ? null : active.size());
        status.setSucceeded(succeeded == 0 ? null : succeeded);
        status.setFailed(failed == 0 ? null : failed);
        status.setReady(active.stream().filter(PodStatuses::isReady).count() > 0 ? (int) active.stream().filter(PodStatuses::isReady).count() : 0);
        if (!Objects.equals(status, job.getStatus())) {
            writes.add(api.updateStatus(new JobBuilder(job).withStatus(status).build()));
        }
        Writes.finish(writes, done);
    }

    private static boolean finished(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions().stream()
                .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
    }

    private static JobCondition condition(String type, String reason, String message, String now) {
        return new JobCondition(now, now, message, reason, "True", type);
    }

    private static Pod newPod(Job job) {
        var template = Codec.shared().copy(job.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels());
        labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
        labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
        labels.put("controller-uid", job.getMetadata().getUid());
        labels.put("job-name", job.getMetadata().getName());
        return new PodBuilder().withMetadata(new ObjectMetaBuilder().withGenerateName(job.getMetadata().getName() + "-")
                .withNamespace(job.getMetadata().getNamespace()).withLabels(labels)
                .withOwnerReferences(ControllerRefs.to(job)).build()).withSpec(template.getSpec()).build();
    }
}
