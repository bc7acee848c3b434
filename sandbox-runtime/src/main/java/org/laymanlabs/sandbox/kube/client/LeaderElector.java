package org.laymanlabs.sandbox.kube.client;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors client-go's tools/leaderelection (leaderelection.go) over a coordination.k8s.io Lease
 * (resourcelock/leaselock.go): candidates try to take the Lease every retryPeriod (with
 * client-go's 1.2 jitter); the holder renews it every retryPeriod and gives up leading if it
 * cannot renew within renewDeadline; a standby takes over once it has seen the same record
 * unchanged for leaseDuration. Time is the sandbox's clock: the expiry is judged from when
 * this candidate last <em>observed</em> a change, as client-go does, not from the holder's
 * renewTime.
 */
public final class LeaderElector {

    private static final double JITTER_FACTOR = 1.2;

    /**
     * LeaderElectionConfig.
     *
     * @param identity this candidate's holderIdentity, e.g. {@code control-plane_<uuid>}
     */
    public record Config(String namespace, String name, String identity, Duration leaseDuration,
                         Duration renewDeadline, Duration retryPeriod) {

        public Config {
            Objects.requireNonNull(identity, "identity");
        }

        /** kube-scheduler's and kube-controller-manager's defaults: 15 s, 10 s, 2 s, in kube-system. */
        public static Config forComponent(String name, String identity) {
            return new Config("kube-system", name, identity, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
        }
    }

    /** LeaderCallbacks; they run on the clock's thread, inside its timers. */
    public interface Callbacks {
        void onStartedLeading();

        void onStoppedLeading();
    }

    private final ApiServer api;
    private final VirtualClock clock;
    private final Config config;
    private final Callbacks callbacks;
    private final RandomGenerator random;
    private final EventRecorder recorder;
    private LeaseSpec observed;
    /** Stands for client-go's observedRawRecord: every write of the record, a renewal too, changes it. */
    private String observedVersion;
    private Instant observedTime;
    private VirtualClock.Timer pending;
    private boolean leading;
    private long generation;

    public LeaderElector(ApiServer api, Config config, Callbacks callbacks, RandomGenerator random, EventRecorder recorder) {
        this.api = api;
        this.clock = api.clock();
        this.config = config;
        this.callbacks = callbacks;
        this.random = random;
        this.recorder = recorder;
    }

    /** Run: try to acquire, then lead and renew until renewing fails. */
    public void run() {
        generation++;
        acquire(generation);
    }

    /** The process is gone (killed, or its node stopped): nothing is released, no callback runs. */
    public void stop() {
        leading = false;
        generation++;
        if (pending != null) {
            pending.cancel();
        }
    }

    public boolean isLeader() {
        return leading;
    }

    public Config config() {
        return config;
    }

    private void acquire(long run) {
        tryAcquireOrRenew().whenComplete((acquired, failure) -> {
            if (run != generation) {
                return;
            }
            if (Boolean.TRUE.equals(acquired)) {
                leading = true;
                record("became leader");
                callbacks.onStartedLeading();
                if (run == generation) {
                    renewAfter(config.retryPeriod(), run);
                }
                return;
            }
            double jitter = random.nextDouble() * JITTER_FACTOR;
            Duration wait = config.retryPeriod().plusNanos((long) (config.retryPeriod().toNanos() * jitter));
            pending = clock.schedule(wait, () -> acquire(run));
        });
    }

    private void renewAfter(Duration delay, long run) {
        pending = clock.schedule(delay, () -> renew(clock.now().plus(config.renewDeadline()), run));
    }

    /** One PollUntilContextTimeout: retry every retryPeriod until a renewal succeeds or the deadline passes. */
    private void renew(Instant deadline, long run) {
        VirtualClock.Timer timeout = clock.schedule(Duration.between(clock.now(), deadline), () -> lose(run));
        tryAcquireOrRenew().whenComplete((renewed, failure) -> {
            if (run != generation) {
                return;
            }
            timeout.cancel();
            if (Boolean.TRUE.equals(renewed)) {
                renewAfter(config.retryPeriod(), run);
            } else if (clock.now().plus(config.retryPeriod()).isBefore(deadline)) {
                pending = clock.schedule(config.retryPeriod(), () -> renew(deadline, run));
            } else {
                lose(run);
            }
        });
    }

    private void lose(long run) {
        if (run != generation) {
            return;
        }
        generation++;
        leading = false;
        record("stopped leading");
        callbacks.onStoppedLeading();
    }

    /** tryAcquireOrRenew: create the Lease, renew our own, or take over one whose holder has gone quiet. */
    CompletableFuture<Boolean> tryAcquireOrRenew() {
        Instant now = clock.now();
        Optional<Lease> current = api.get(Lease.class, config.namespace(), config.name());
        if (current.isEmpty()) {
            LeaseSpec spec = spec(now, now, 0);
            Lease lease = new LeaseBuilder().withNewMetadata().withName(config.name()).withNamespace(config.namespace())
                    .endMetadata().withSpec(spec).build();
            return api.create(lease).handle((created, failure) -> failure == null && observe(spec, created, now));
        }
        Lease lease = current.get();
        LeaseSpec old = lease.getSpec() == null ? new LeaseSpec() : lease.getSpec();
        if (observed == null || !lease.getMetadata().getResourceVersion().equals(observedVersion)) {
            observed = old;
            observedVersion = lease.getMetadata().getResourceVersion();
            observedTime = now;
        }
        String holder = old.getHolderIdentity();
        boolean mine = config.identity().equals(holder);
        if (holder != null && !holder.isEmpty() && leaseValid(now) && !mine) {
            return CompletableFuture.completedFuture(false);
        }
        int transitions = old.getLeaseTransitions() == null ? 0 : old.getLeaseTransitions();
        LeaseSpec spec = mine ? spec(instant(old.getAcquireTime(), now), now, transitions) : spec(now, now, transitions + 1);
        Lease updated = new LeaseBuilder(lease).withSpec(spec).build();
        return api.update(updated).handle((written, failure) -> failure == null && observe(spec, written, now));
    }

    private boolean observe(LeaseSpec spec, Lease written, Instant now) {
        observed = spec;
        observedVersion = written.getMetadata().getResourceVersion();
        observedTime = now;
        return true;
    }

    private boolean leaseValid(Instant now) {
        Integer seconds = observed.getLeaseDurationSeconds();
        return observedTime.plusSeconds(seconds == null ? 0 : seconds).isAfter(now);
    }

    private LeaseSpec spec(Instant acquired, Instant renewed, int transitions) {
        LeaseSpec spec = new LeaseSpec();
        spec.setHolderIdentity(config.identity());
        spec.setLeaseDurationSeconds((int) config.leaseDuration().toSeconds());
        spec.setAcquireTime(ZonedDateTime.ofInstant(acquired, ZoneOffset.UTC));
        spec.setRenewTime(ZonedDateTime.ofInstant(renewed, ZoneOffset.UTC));
        spec.setLeaseTransitions(transitions);
        return spec;
    }

    private static Instant instant(ZonedDateTime time, Instant otherwise) {
        return time == null ? otherwise : time.toInstant();
    }

    /** resourcelock's RecordEvent: "control-plane_… became leader" on the Lease, reason LeaderElection. */
    private void record(String what) {
        if (recorder != null) {
            api.get(Lease.class, config.namespace(), config.name()).ifPresent(lease ->
                    recorder.event(lease, EventRecorder.Type.Normal, "LeaderElection", config.identity() + " " + what));
        }
    }
}
