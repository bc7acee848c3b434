package org.laymanlabs.backend.session;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The lease heartbeat of this replica's sandboxes, as a Kubernetes leader elector renews its Lease
 * every retry period: it renews every lease held here, hands over the sandboxes another replica
 * asked for (saved, dropped, released), and drops without saving any sandbox whose lease another
 * replica took while this one was not heard from.
 */
@Service
class SessionOwnership {

    private static final Logger log = LoggerFactory.getLogger(SessionOwnership.class);

    private final Sessions sessions;
    private final SandboxLeases leases;
    private final ScheduledExecutorService heartbeat;

    SessionOwnership(Sessions sessions, SandboxLeases leases, LeaseProperties properties) {
        this.sessions = sessions;
        this.leases = leases;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-leases");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, properties.heartbeat().toMillis());
        heartbeat.scheduleWithFixedDelay(this::beatSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One heartbeat; returns how many sandboxes left this replica. */
    int beat() {
        // The live set first: a sandbox opened after it was read holds a lease the renewal may not list yet.
        Set<UUID> live = sessions.liveAttempts();
        Map<UUID, String> held = leases.renew();
        int left = 0;
        for (UUID attemptId : live) {
            if (!held.containsKey(attemptId)) {
                log.warn("Replica {} lost the lease of attempt {} to {}; dropping its copy", leases.instanceId(), attemptId,
                        leases.holder(attemptId).orElse("nobody"));
                sessions.drop(attemptId, false);
                left++;
            }
        }
        for (Map.Entry<UUID, String> lease : held.entrySet()) {
            if (lease.getValue() != null) {
                log.info("Handing the sandbox of attempt {} over to replica {}", lease.getKey(), lease.getValue());
                sessions.drop(lease.getKey(), true);
                leases.release(lease.getKey());
                left += live.contains(lease.getKey()) ? 1 : 0;
            }
        }
        return left;
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.error("The lease heartbeat failed; it tries again at the next beat", e);
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
