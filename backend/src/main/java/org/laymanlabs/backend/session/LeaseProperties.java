package org.laymanlabs.backend.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How replicas share sandboxes ({@code layman.replicas.*}; environment variables in
 * docs/operators.md).
 *
 * @param instanceId    this replica's name in the lease table. The host name by default, which is
 *                      the pod's name on Kubernetes and the container's in Compose; a restarted
 *                      replica with the same name takes its own leases back at once
 * @param leaseDuration how long a lease lasts without a heartbeat: the longest a learner waits for
 *                      their sandbox when the replica that held it died
 */
@ConfigurationProperties("layman.replicas")
public record LeaseProperties(String instanceId, Duration leaseDuration) {

    public LeaseProperties {
        instanceId = instanceId == null || instanceId.isBlank() ? hostName() : instanceId;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
    }

    /** Heartbeats come three times a lease, so one lost heartbeat never costs a lease. */
    public Duration heartbeat() {
        return leaseDuration.dividedBy(3);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "layman";
        }
    }
}
