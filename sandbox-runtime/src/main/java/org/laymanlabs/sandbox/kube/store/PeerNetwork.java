package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /**
     * Members and the side of the partition each is on (0 for all when healed), by position: a
     * handful of members, looked up for every message without boxing their IDs.
     */
    private final List<EtcdMember> members = new ArrayList<>();
    private int[] sides = new int[0];
    private Duration delay;
    private long delivered;
    private long dropped;

    PeerNetwork(VirtualClock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    void attach(EtcdMember member) {
        int at = indexOf(member.id());
        if (at >= 0) {
            members.set(at, member);
            sides[at] = 0;
            return;
        }
        members.add(member);
        sides = Arrays.copyOf(sides, members.size());
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
        int to = indexOf(message.to());
        EtcdMember receiver = to < 0 ? null : members.get(to);
        if (receiver == null || !receiver.isRunning() || !sameSide(message.from(), message.to())) {
            dropped++;
            return;
        }
        delivered++;
        receiver.receive(message);
    }

    private int indexOf(long id) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameSide(long a, long b) {
        int i = indexOf(a);
        int j = indexOf(b);
        return i >= 0 && j >= 0 && sides[i] == sides[j];
    }

    /** Members in the same group can talk; members left out of every group are isolated alone. */
    void partition(List<Set<Long>> groups) {
        int isolated = groups.size() + 1;
        for (int i = 0; i < sides.length; i++) {
            sides[i] = isolated++;
        }
        for (int g = 0; g < groups.size(); g++) {
            for (long id : groups.get(g)) {
                int at = indexOf(id);
                if (at >= 0) {
                    sides[at] = g + 1;
                }
            }
        }
    }

    void heal() {
        Arrays.fill(sides, 0);
    }

    boolean isPartitioned() {
        return Arrays.stream(sides).distinct().count() > 1;
    }

    long delivered() {
        return delivered;
    }

    long dropped() {
        return dropped;
    }
}
