package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.List;

/**
 * How to build a cluster: its members and the timing etcd is configured with
 * (--heartbeat-interval 100 ms and --election-timeout 1000 ms by default), plus the simulated
 * network's one-way delay between members.
 *
 * @param token etcd's --initial-cluster-token; it seeds the member IDs
 */
public record EtcdClusterSpec(List<MemberSpec> members, String token, Duration tickInterval, int electionTicks,
                              int heartbeatTicks, Duration networkDelay, long snapshotCount, long snapshotCatchUpEntries) {

    /**
     * The sandbox's --snapshot-count (etcd: 100,000; kubeadm writes 10,000). An idle sandbox
     * commits about 85 entries a virtual minute (leases, mostly), so at etcd's value a member
     * would keep every entry of a session. At this one it snapshots about every two and a half
     * minutes, and its log holds 100 to 300 entries. The three members' logs were a quarter of what
     * an evicted sandbox's checkpoint stores beyond the lab's base at 1,000, and 1,000 stored
     * sessions must fit in 50 MB (docs/performance.md).
     */
    public static final long SNAPSHOT_COUNT = 200;
    /**
     * etcd's SnapshotCatchUpEntries (5,000; the flag --experimental-snapshot-catch-up-entries came
     * in 3.6, after the 3.5 this sandbox runs): the entries kept before a snapshot so that a
     * follower about a minute behind catches up from the log; one further behind is sent the
     * snapshot instead (Raft §7).
     */
    public static final long SNAPSHOT_CATCH_UP_ENTRIES = 100;

    public EtcdClusterSpec {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one member");
        }
        if (snapshotCount < 1 || snapshotCatchUpEntries < 0) {
            throw new IllegalArgumentException("snapshot count must be positive and catch-up entries not negative");
        }
    }

    public EtcdClusterSpec(List<MemberSpec> members, String token, Duration tickInterval, int electionTicks,
                           int heartbeatTicks, Duration networkDelay) {
        this(members, token, tickInterval, electionTicks, heartbeatTicks, networkDelay, SNAPSHOT_COUNT,
                SNAPSHOT_CATCH_UP_ENTRIES);
    }

    /** Three members, etcd-0 to etcd-2, with etcd's default timing and a 2 ms network. */
    public static EtcdClusterSpec threeMembers() {
        return new EtcdClusterSpec(List.of(
                new MemberSpec("etcd-0", "http://10.0.0.11:2380", "http://10.0.0.11:2379"),
                new MemberSpec("etcd-1", "http://10.0.0.12:2380", "http://10.0.0.12:2379"),
                new MemberSpec("etcd-2", "http://10.0.0.13:2380", "http://10.0.0.13:2379")),
                "etcd-cluster", Duration.ofMillis(100), 10, 1, Duration.ofMillis(2));
    }

    public EtcdClusterSpec withNetworkDelay(Duration delay) {
        return new EtcdClusterSpec(members, token, tickInterval, electionTicks, heartbeatTicks, delay, snapshotCount,
                snapshotCatchUpEntries);
    }

    /** Another --snapshot-count and catch-up length, for tests that want a member to fall behind the log quickly. */
    public EtcdClusterSpec withSnapshotCount(long count, long catchUpEntries) {
        return new EtcdClusterSpec(members, token, tickInterval, electionTicks, heartbeatTicks, networkDelay, count,
                catchUpEntries);
    }

    /** etcd's ReqTimeout: 5 s plus two election timeouts. */
    public Duration requestTimeout() {
        // Millisecond arithmetic: Duration.multipliedBy goes through BigDecimal, and this is asked per request.
        return Duration.ofMillis(5000 + tickInterval.toMillis() * 2L * electionTicks);
    }
}
