package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kubernetes pkg/kubelet/prober/worker.go: one probe of one container, run on a ticker of
 * periodSeconds for as long as the pod lives. Each run (doProbe) first follows the container: a
 * new container ID resets the result to the probe's initial value and lifts the hold; a container
 * that is not running fails; a probe waits out initialDelaySeconds since the container started,
 * and only the startup probe runs until the container has started. Results change only after
 * successThreshold or failureThreshold equal results in a row; a liveness or startup failure puts
 * the worker on hold until the kubelet starts a new container.
 */
final class Worker {

    private final ProbeManager manager;
    private final VirtualClock clock;
    private final ProbeType type;
    private final String podUid;
    private final Container container;
    private final ProbeSpec spec;
    private final Results results;
    private final Results.Result initialValue;
    private VirtualClock.Timer next;
    private Instant nextTick;
    private boolean looping;
    private boolean busy;
    private boolean tickPending;
    private boolean triggerPending;
    private boolean stopped;
    private String containerId;
    private Instant containerStartedAt;
    private Results.Result lastResult = Results.Result.UNKNOWN;
    private int resultRun;
    private boolean onHold;
    /** The container this turn found failing liveness or startup, reported once the turn is over. */
    private String failedContainer;
    private Pod failedPod;

    Worker(ProbeManager manager, VirtualClock clock, ProbeType type, String podUid, Container container, ProbeSpec spec,
           Results results) {
        this.manager = manager;
        this.clock = clock;
        this.type = type;
        this.podUid = podUid;
        this.container = container;
        this.spec = spec;
        this.results = results;
        this.initialValue = switch (type) {
            case READINESS -> Results.Result.FAILURE;
            case LIVENESS -> Results.Result.SUCCESS;
            case STARTUP -> Results.Result.UNKNOWN;
        };
    }

    ProbeType type() {
        return type;
    }

    String containerName() {
        return container.getName();
    }

    /** run(): after {@code jitter}, probe at once and then on every tick of the period. */
    void start(Duration jitter) {
        next = clock.schedule(jitter, () -> {
            looping = true;
            nextTick = clock.now().plus(spec.period());
            scheduleTick();
            probeOnce();
        });
    }

    /** manualTriggerCh: a wake-up buffered until the loop next waits; a second one while it is full is dropped. */
    void trigger() {
        if (stopped || triggerPending) {
            return;
        }
        triggerPending = true;
        if (looping && !busy) {
            clock.schedule(Duration.ZERO, this::wake);
        }
    }

    void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
        if (containerId != null) {
            results.remove(containerId);
        }
    }

    private void scheduleTick() {
        next = clock.schedule(Duration.between(clock.now(), nextTick), () -> {
            nextTick = nextTick.plus(spec.period());
            scheduleTick();
            if (busy) {
                tickPending = true; // Go's ticker keeps one tick for a slow receiver and drops the rest.
            } else {
                probeOnce();
            }
        });
    }

    private void wake() {
        if (stopped || busy) {
            return;
        }
        if (tickPending) {
            tickPending = false;
        } else if (triggerPending) {
            triggerPending = false;
        } else {
            return;
        }
        probeOnce();
    }

    /** One turn of the worker's loop; the listener hears what changed once the turn is over. */
    private void probeOnce() {
        if (stopped) {
            return;
        }
        ProbeManager.Status before = manager.status(podUid, container.getName());
        boolean keepGoing = doProbe(before);
        if (!busy) {
            afterProbe(keepGoing, before);
        }
    }

    private void afterProbe(boolean keepGoing, ProbeManager.Status before) {
        manager.probed(podUid, container.getName(), before);
        if (failedContainer != null) {
            String id = failedContainer;
            failedContainer = null;
            manager.containerFailed(failedPod, container.getName(), id, type);
        }
        if (!keepGoing) {
            manager.removeWorker(podUid, this);
        } else if (tickPending || triggerPending) {
            clock.schedule(Duration.ZERO, this::wake);
        }
    }

    private boolean doProbe(ProbeManager.Status before) {
        Optional<ProbeManager.Running> current = manager.running(podUid, container.getName());
        if (current.isEmpty()) {
            return true; // The container has not been created yet.
        }
        ProbeManager.Running c = current.get();
        if (!c.id().equals(containerId) || !c.startedAt().equals(containerStartedAt)) {
            if (containerId != null) {
                results.remove(containerId);
            }
            containerId = c.id();
            containerStartedAt = c.startedAt();
            set(initialValue);
            onHold = false; // A new container: resume probing.
        }
        if (onHold) {
            return true;
        }
        if (!c.running()) {
            set(Results.Result.FAILURE);
            return !"Never".equals(c.pod().getSpec().getRestartPolicy()); // Abort if the container will not be restarted.
        }
        if (c.pod().getMetadata().getDeletionTimestamp() != null && type != ProbeType.READINESS) {
            set(Results.Result.SUCCESS); // A last result for a quiet shutdown.
            return false;
        }
        if (Duration.between(c.startedAt(), clock.now()).getSeconds() < spec.initialDelaySeconds()) {
            return true;
        }
        boolean started = manager.started(podUid, container.getName());
        if (started ? type == ProbeType.STARTUP : type != ProbeType.STARTUP) {
            return true; // The startup probe stops once started; the others wait for it.
        }
        ProbeOutcome outcome = manager.prober().run(spec, c.pod(), container, containerId);
        if (outcome.took().isZero()) {
            return record(outcome, c.pod());
        }
        busy = true; // The attempt lasts its timeout; ticks meanwhile wait as Go's ticker keeps them.
        clock.schedule(outcome.took(), () -> {
            busy = false;
            if (!stopped) {
                afterProbe(record(outcome, c.pod()), before);
            }
        });
        return true;
    }

    private boolean record(ProbeOutcome outcome, Pod pod) {
        Optional<Results.Result> judged = manager.prober().judge(type, pod, outcome);
        if (judged.isEmpty()) {
            return true; // Prober error: throw away the result.
        }
        Results.Result result = judged.get();
        if (lastResult == result) {
            resultRun++;
        } else {
            lastResult = result;
            resultRun = 1;
        }
        if (result == Results.Result.FAILURE && resultRun < spec.failureThreshold()
                || result == Results.Result.SUCCESS && resultRun < spec.successThreshold()) {
            return true; // Below threshold: the result stays as it was.
        }
        boolean changed = set(result);
        if (type != ProbeType.READINESS && result == Results.Result.FAILURE) {
            // The container will be restarted: stop probing until a new container ID appears.
            onHold = true;
            resultRun = 0;
            if (changed) {
                failedContainer = containerId;
                failedPod = pod;
            }
        }
        return true;
    }

    private boolean set(Results.Result result) {
        boolean changed = results.set(containerId, result);
        if (changed) {
            manager.resultUpdated(podUid);
        }
        return changed;
    }
}
