package org.laymanlabs.backend.session;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which replica holds each live sandbox: one lease row per attempt, renewed by a heartbeat, as
 * Kubernetes' coordination.k8s.io Leases elect a holder (holderIdentity, renewTime,
 * leaseDurationSeconds). A sandbox lives in one replica's memory at a time, so that two replicas
 * never answer the same learner from two diverging copies. Another replica may take a lease over
 * once it expired (its holder died) or once its holder handed it over, and then restores the
 * sandbox from its snapshot. Every save is fenced by the lease: a replica that lost its lease can
 * no longer write, so nothing it acknowledges afterwards is lost or overwrites the new holder's.
 */
@Service
@EnableConfigurationProperties(LeaseProperties.class)
public class SandboxLeases {

    /** How often a replica waiting for a hand-over looks again (real time). */
    private static final long POLL_MILLIS = 50;

    private final JdbcTemplate jdbc;
    /** A save and its lease renewal: one transaction of their own, whatever the caller holds. */
    private final TransactionTemplate transaction;
    /**
     * Everything else runs outside any transaction of the caller's, one statement at a time: a
     * replica waiting for a hand-over must not hold the row lock that the holder's heartbeat needs.
     */
    private final TransactionTemplate outside;
    private final LeaseProperties properties;
    private final Clock clock;

    SandboxLeases(JdbcTemplate jdbc, PlatformTransactionManager transactions, LeaseProperties properties,
                  ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public String instanceId() {
        return properties.instanceId();
    }

    /** A replica that restarts under the same name held its leases in a process that is gone. */
    @PostConstruct
    void releaseLeftovers() {
        jdbc.update("delete from sandbox_owner where instance_id = ?", instanceId());
    }

    /**
     * Takes the attempt's lease for this replica. A live holder is asked to hand the sandbox over
     * and this waits for it, for at most one lease duration; a dead holder's lease expires within
     * that time.
     *
     * @throws SandboxElsewhere when the holder neither handed over nor expired in time
     */
    public void acquire(UUID attemptId) {
        outside.executeWithoutResult(status -> acquireOutsideTransactions(attemptId));
    }

    private void acquireOutsideTransactions(UUID attemptId) {
        long deadline = System.nanoTime() + properties.leaseDuration().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (!tryAcquire(attemptId)) {
            jdbc.update("update sandbox_owner set handoff_to = ? where attempt_id = ? and instance_id <> ?",
                    instanceId(), attemptId, instanceId());
            if (System.nanoTime() > deadline) {
                throw new SandboxElsewhere(attemptId, holder(attemptId).orElse("another replica"));
            }
            pause();
        }
    }

    /** One try: a free row, an expired one, or one this replica already holds. */
    boolean tryAcquire(UUID attemptId) {
        Instant now = clock.instant();
        try {
            jdbc.update("insert into sandbox_owner (attempt_id, instance_id, acquired_at, expires_at) values (?, ?, ?, ?)",
                    attemptId, instanceId(), at(now), expiry(now));
            return true;
        } catch (DuplicateKeyException taken) {
            return jdbc.update("update sandbox_owner set instance_id = ?, acquired_at = ?, expires_at = ?, handoff_to = null"
                            + " where attempt_id = ? and (instance_id = ? or expires_at < ?)",
                    instanceId(), at(now), expiry(now), attemptId, instanceId(), at(now)) == 1;
        }
    }

    /** The replica holding the attempt's lease, expired or not. */
    public Optional<String> holder(UUID attemptId) {
        return jdbc.queryForList("select instance_id from sandbox_owner where attempt_id = ?", String.class, attemptId)
                .stream().findFirst();
    }

    /**
     * Renews every lease this replica holds and reports them, each with the replica that asked for
     * it (or null): the heartbeat. A sandbox in memory whose attempt is missing here was taken over.
     */
    public Map<UUID, String> renew() {
        return outside.execute(status -> renewOutsideTransactions());
    }

    private Map<UUID, String> renewOutsideTransactions() {
        jdbc.update("update sandbox_owner set expires_at = ? where instance_id = ?", expiry(clock.instant()), instanceId());
        Map<UUID, String> held = new HashMap<>();
        jdbc.query("select attempt_id, handoff_to from sandbox_owner where instance_id = ?",
                row -> {
                    held.put(row.getObject(1, UUID.class), row.getString(2));
                },
                instanceId());
        return held;
    }

    /**
     * Runs {@code save} in one transaction with a renewal of the lease, so that a save lands only
     * while this replica holds the sandbox (a take-over waits for the row lock, then sees the new
     * expiry). {@code save} must not wait for anything but the database: it runs while this
     * replica holds the lease's row lock, which the sandbox's own next save would wait for.
     *
     * @throws LeaseLost when another replica holds the lease now; {@code save} did not run
     */
    public void fenced(UUID attemptId, Runnable save) {
        transaction.executeWithoutResult(status -> {
            int renewed = jdbc.update("update sandbox_owner set expires_at = ? where attempt_id = ? and instance_id = ?",
                    expiry(clock.instant()), attemptId, instanceId());
            if (renewed == 0) {
                throw new LeaseLost(attemptId);
            }
            save.run();
        });
    }

    /** Lets the sandbox go: it was saved and dropped from memory. */
    public void release(UUID attemptId) {
        outside.executeWithoutResult(status ->
                jdbc.update("delete from sandbox_owner where attempt_id = ? and instance_id = ?", attemptId, instanceId()));
    }

    private OffsetDateTime expiry(Instant now) {
        return at(now.plus(properties.leaseDuration()));
    }

    /** With its offset, so that replicas in different time zones compare the same instants. */
    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a sandbox's hand-over", e);
        }
    }

    /** Another replica took this sandbox over: this one must drop its copy and write nothing more. */
    public static final class LeaseLost extends RuntimeException {
        public LeaseLost(UUID attemptId) {
            super("the sandbox of attempt " + attemptId + " moved to another replica; reload the page to reach it there");
        }
    }

    /** Another replica holds the sandbox and neither handed it over nor died in time. */
    public static final class SandboxElsewhere extends RuntimeException {
        public SandboxElsewhere(UUID attemptId, String holder) {
            super("the sandbox of attempt " + attemptId + " is open on replica " + holder + ", which did not hand it over; try again");
        }
    }
}
