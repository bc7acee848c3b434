package org.laymanlabs.backend.session;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The live sandboxes of this server, one per attempt (DESIGN.md, "Sessions"). A sandbox is built
 * on first use, or restored from its snapshot; while its learner is active its clock runs in real
 * time; after {@code idle-timeout} without use it is saved and dropped from memory. Every input is
 * saved as it happens, so a crash loses nothing acknowledged; a clean stop also saves the clocks.
 */
@Service
@EnableConfigurationProperties({SessionProperties.class, SandboxProperties.class})
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final SessionStore store;
    private final SandboxLeases leases;
    private final LabSandboxes labs;
    private final ApiDispatchers apis;
    private final SessionProperties properties;
    private final Clock clock;
    private final ExecutorService pool;
    private final ExecutorService lane;
    private final RunQueue runQueue;
    private final ScheduledExecutorService ticker;
    private final ScheduledExecutorService waker;
    private final Map<UUID, LiveSandbox> live = new ConcurrentHashMap<>();
    private final int commandsPerSecond;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();

    Sessions(SessionStore store, SandboxLeases leases, LabSandboxes labs, SessionProperties properties,
             ObjectProvider<Clock> clock, ObjectProvider<ApiDispatcher> apis, ObjectProvider<SandboxProperties> limits) {
        this.store = store;
        this.leases = leases;
        SandboxProperties sandbox = limits.getIfAvailable(SandboxProperties::defaults);
        this.commandsPerSecond = sandbox.limits().commandsPerSecond();
        this.labs = labs;
        this.apis = ApiDispatchers.of(apis.orderedStream().toList());
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.pool = Executors.newFixedThreadPool(properties.threads(), daemon("sandbox-"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-clock"));
        // Throttled sandboxes wake on a timer of their own: the ticker may block saving an evicted
        // sandbox, which itself may be waiting for its wake-up.
        this.waker = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-cpu-wake"));
        // Sandboxes taking more than their CPU share run on a thread of their own, so that they never
        // hold one of the pool's threads, which stay for learners within theirs (RunQueue).
        this.lane = Executors.newSingleThreadExecutor(daemon("sandbox-throttled-"));
        this.runQueue = RunQueue.server(pool, lane, waker, sandbox.cpuMax());
        if (!properties.tick().isZero()) {
            long tickMillis = properties.tick().toMillis();
            timers.add(ticker.scheduleAtFixedRate(() -> tickAll(this.clock.instant()), tickMillis, tickMillis,
                    TimeUnit.MILLISECONDS));
            long sweep = Math.max(1_000, Math.min(properties.idleTimeout().toMillis() / 2, 60_000));
            timers.add(ticker.scheduleAtFixedRate(() -> evictIdle(this.clock.instant()), sweep, sweep,
                    TimeUnit.MILLISECONDS));
        }
    }

    /**
     * The attempt's sandbox, live or restored from its snapshot (or new, if it never had one).
     * Counts as the learner using it: its clock runs and its idle time starts again.
     */
    public SandboxActor open(UUID attemptId, SandboxOrigin origin) {
        Instant now = clock.instant();
        if (!live.containsKey(attemptId)) {
            leases.acquire(attemptId); // outside computeIfAbsent: it may wait for another replica's hand-over
        }
        LiveSandbox session = live.computeIfAbsent(attemptId, id -> {
            StoredSandbox stored = store.stored(id).orElseGet(() -> StoredSandbox.journalOnly(origin.freshJournal()));
            return new LiveSandbox(SandboxActor.restore(stored, labs, apis, runQueue, state -> saveInput(id, state))
                    .limitingCommands(new CommandRate(commandsPerSecond, clock)), now);
        });
        session.lastUsed = now;
        return session.actor;
    }

    /** The attempt's sandbox if it is in memory now. */
    public Optional<SandboxActor> ifLive(UUID attemptId) {
        return Optional.ofNullable(live.get(attemptId)).map(s -> s.actor);
    }

    /** Rebuilds the attempt's sandbox from an earlier point of its journal: resetting a step. */
    public CompletableFuture<Void> rewind(UUID attemptId, SandboxOrigin origin, UnaryOperator<SandboxJournal> toPoint) {
        SandboxActor actor = open(attemptId, origin);
        return actor.journal().thenCompose(journal -> actor.resetTo(toPoint.apply(journal)));
    }

    /** Drops the attempt's sandbox and its saved state: the lab starts over in a new attempt. */
    public void discard(UUID attemptId) {
        LiveSandbox session = live.remove(attemptId);
        if (session != null) {
            session.actor.journal().join();
        }
        store.forget(attemptId);
        leases.release(attemptId);
    }

    /** Moves every active learner's clock on by the real time since its last tick; idle learners' clocks stand still. */
    void tickAll(Instant now) {
        for (LiveSandbox session : live.values()) {
            session.tick(now, properties.activeWindow());
        }
    }

    /** Saves and drops every sandbox not used since {@code idle-timeout} before {@code now}; returns how many. */
    public int evictIdle(Instant now) {
        int evicted = 0;
        for (Map.Entry<UUID, LiveSandbox> entry : live.entrySet()) {
            LiveSandbox session = entry.getValue();
            if (Duration.between(session.lastUsed, now).compareTo(properties.idleTimeout()) >= 0
                    && live.remove(entry.getKey(), session)) {
                save(entry.getKey(), session);
                leases.release(entry.getKey());
                evicted++;
            }
        }
        return evicted;
    }

    /** How many sandboxes are in memory. */
    public int liveCount() {
        return live.size();
    }

    /** An input's save, only while this replica holds the sandbox; one that lost it drops its copy. */
    private void saveInput(UUID attemptId, SandboxState state) {
        try {
            leases.fenced(attemptId, () -> store.save(attemptId, state));
        } catch (SandboxLeases.LeaseLost e) {
            live.remove(attemptId);
            throw e;
        }
    }

    /** The attempts whose sandboxes are in memory here, for the lease heartbeat ({@link SessionOwnership}). */
    java.util.Set<UUID> liveAttempts() {
        return java.util.Set.copyOf(live.keySet());
    }

    /** Drops a sandbox, saving it first when {@code save} (a hand-over) and not when its lease was lost. */
    void drop(UUID attemptId, boolean save) {
        LiveSandbox session = live.remove(attemptId);
        if (session != null && save) {
            save(attemptId, session);
        }
    }

    private void save(UUID attemptId, LiveSandbox session) {
        try {
            SandboxState state = session.actor.stateToEvict().join(); // before the lease's row lock: see fenced
            store.keepBase(state); // in a transaction of its own, also before the lock
            leases.fenced(attemptId, () -> store.save(attemptId, state));
        } catch (RuntimeException e) {
            log.error("Could not save the sandbox of attempt {}; its inputs up to the last one were saved", attemptId, e);
        }
    }

    /** A clean stop saves every live sandbox with its clock, so a restart resumes at the same instant. */
    @PreDestroy
    void saveAll() {
        timers.forEach(timer -> timer.cancel(false));
        live.forEach(this::save); // the waker still wakes throttled sandboxes, so that each can answer
        live.keySet().forEach(leases::release);
        live.clear();
        ticker.shutdownNow();
        pool.shutdown();
        lane.shutdown();
        waker.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + Integer.toHexString(runnable.hashCode()));
            thread.setDaemon(true);
            return thread;
        };
    }
}
