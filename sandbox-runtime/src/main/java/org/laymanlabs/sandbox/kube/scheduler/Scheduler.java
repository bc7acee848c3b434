package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.client.LeaderElector;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kube-scheduler (cmd/kube-scheduler and pkg/scheduler/scheduler.go) as it runs as a
 * static pod on a control-plane node: its informers start at once and keep a warm cache, and
 * it schedules only while it holds the kube-system/kube-scheduler Lease. With two control-plane
 * nodes the standby takes over once the leader's lease has run out. Losing the lease ends the
 * process, as it does for the real one; the kubelet restarts it, and it stands for election again.
 */
public final class Scheduler {

    /** The default profile's schedulerName; pods naming another scheduler are left alone. */
    public static final String NAME = "default-scheduler";
    /** How many pods one turn of the loop schedules before letting other timers run. */
    private static final int BATCH = 256;

    private final ApiServer api;
    private final VirtualClock clock;
    private final RandomGenerator random;
    private final String nodeName;
    private final EventRecorder recorder;
    private String identity;
    private LeaderElector elector;
    private Cache cache;
    private SchedulingQueue queue;
    private EventHandlers handlers;
    private ScheduleOne scheduleOne;
    private boolean running;
    private boolean leading;
    private boolean wakeScheduled;
    private long incarnation;

    /**
     * @param nodeName the control-plane node it runs on; its lease identity is {@code <nodeName>_<uuid>}
     * @param random   the sandbox's seeded random source (identities, retry jitter, tie-breaks)
     */
    public Scheduler(ApiServer api, String nodeName, RandomGenerator random) {
        this.api = api;
        this.clock = api.clock();
        this.random = random;
        this.nodeName = nodeName;
        this.recorder = new EventRecorder(api, NAME, null);
    }

    /** The process starts: a new identity, a fresh cache from the API server, and a run for the lease. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        long life = ++incarnation;
        identity = nodeName + "_" + uuid();
        cache = new Cache();
        queue = new SchedulingQueue(clock, this::wake);
        Framework framework = Framework.defaultProfile(cache, owners());
        scheduleOne = new ScheduleOne(api, cache, queue, new SchedulePod(cache, framework, random), recorder,
                () -> incarnation == life && running);
        handlers = new EventHandlers(cache, queue, NAME);
        handlers.start(api);
        elector = new LeaderElector(api, LeaderElector.Config.forComponent("kube-scheduler", identity), new Leadership(this),
                random, recorder);
        elector.run();
    }

    /** The process dies, or its node stops: no lease is released; a standby waits out its duration. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        leading = false;
        incarnation++;
        elector.stop();
        handlers.stop();
        queue.close();
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether it holds the lease and schedules. */
    public boolean isLeading() {
        return leading;
    }

    /** The holderIdentity it stands for election with, e.g. {@code control-plane_1b4e…}. */
    public String identity() {
        return identity;
    }

    /** Pods waiting in any of the queue's three parts. */
    public int pendingPods() {
        return queue == null ? 0 : queue.pendingCount();
    }

    private void wake() {
        if (leading && !wakeScheduled) {
            wakeScheduled = true;
            long life = incarnation;
            clock.schedule(Duration.ZERO, () -> drain(life));
        }
    }

    /** The scheduling loop: pop and schedule until the active queue is empty, a batch per timer. */
    private void drain(long life) {
        wakeScheduled = false;
        for (int i = 0; i < BATCH && leading && life == incarnation; i++) {
            Optional<SchedulingQueue.QueuedPod> next = queue.pop();
            if (next.isEmpty()) {
                return;
            }
            scheduleOne.scheduleOne(next.get());
        }
        if (life == incarnation) {
            wake();
        }
    }

    private PodTopologySpread.Owners owners() {
        return new ApiOwners(api);
    }

    /*
     * The two classes below are named and static, holding what they use in fields of their own: a
     * checkpoint writes an object's fields, and an anonymous class's link to its outer object is a
     * synthetic field that Kryo leaves out by default.
     */

    /** The elector's callbacks: leading wakes the loop; losing the lease ends the process, which the kubelet restarts. */
    private static final class Leadership implements LeaderElector.Callbacks {
        private final Scheduler scheduler;

        Leadership(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void onStartedLeading() {
            scheduler.leading = true;
            scheduler.wake();
        }

        @Override
        public void onStoppedLeading() {
            scheduler.stop();
            scheduler.start();
        }
    }

    /** The Services and ReplicaSets PodTopologySpread's default constraints select by, read from the API server. */
    private static final class ApiOwners implements PodTopologySpread.Owners {
        private final ApiServer api;

        ApiOwners(ApiServer api) {
            this.api = api;
        }

        @Override
        public List<Service> services(String namespace) {
            return api.list(Service.class, namespace);
        }

        @Override
        public Optional<ReplicaSet> replicaSet(String namespace, String name) {
            return api.get(ReplicaSet.class, namespace, name);
        }
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
