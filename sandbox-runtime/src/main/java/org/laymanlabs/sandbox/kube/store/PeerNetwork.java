package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laymanlabs.sandbox.kube.store.raft.Message;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The simulated network between members (etcd's rafthttp peers). A message arrives after the
 * delay on the virtual clock, in the order sent; it is lost if a partition separates sender and
 * receiver when it is sent or when it arrives, or if the receiver is stopped when it arrives.
 */
final class PeerNetwork {

    private final VirtualClock clock;
    private final Map<Long, EtcdMember> members = new HashMap<>();
    private final Map<Long, Integer> sides = new HashMap<>();
    private Duration delay;
    private long delivered;
    private long dropped;

    PeerNetwork(VirtualClock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    void attach(EtcdMember member) {
        members.put(member.id(), member);
        sides.put(member.id(), 0);
    }

    void setDelay(Duration newDelay) {
        delay = newDelay;
    }

    void send(Message message) {
        if (!sameSide(message.from(), message.to())) {
            dropped++;
            return;
        }
        clock.schedule(delay, () -> arrive(message));
    }

    private void arrive(Message message) {
        EtcdMember receiver = members.get(message.to());
        if (receiver == null || !receiver.isRunning() || !sameSide(message.from(), message.to())) {
            dropped++;
            return;
        }
        delivered++;
        receiver.receive(message);
    }

    private boolean sameSide(long a, long b) {
        return sides.getOrDefault(a, -1).equals(sides.getOrDefault(b, -2));
    }

    /** Members in the same group can talk; members left out of every group are isolated alone. */
    void partition(List<Set<Long>> groups) {
        int isolated = groups.size() + 1;
        for (long id : members.keySet()) {
            sides.put(id, isolated++);
        }
        for (int i = 0; i < groups.size(); i++) {
            for (long id : groups.get(i)) {
                sides.put(id, i + 1);
            }
        }
    }

    void heal() {
        sides.replaceAll((id, side) -> 0);
    }

    boolean isPartitioned() {
        return sides.values().stream().distinct().count() > 1;
    }

    long delivered() {
        return delivered;
    }

    long dropped() {
        return dropped;
    }
}
