package org.laymanlabs.sandbox.kube.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mirrors etcd server/etcdserver/api/membership/cluster.go (RaftCluster): the members and the
 * cluster version as the applied log says. It is part of each member's state machine, so it
 * survives a restart with the store.
 */
final class Membership {

    /** One member as the cluster knows it; a member that never published has no name or client URL yet. */
    record Member(long id, String peerUrl, String name, String clientUrl) {

        boolean isStarted() {
            return !name.isEmpty();
        }
    }

    /** etcd lists members sorted by their unsigned 64-bit ID. */
    private final Map<Long, Member> members = new TreeMap<>(new UnsignedOrder());

    /** Member IDs as unsigned numbers; a class of its own, so that a checkpoint can write the map's order. */
    private static final class UnsignedOrder implements java.util.Comparator<Long>, java.io.Serializable {
        @Override
        public int compare(Long a, Long b) {
            return Long.compareUnsigned(a, b);
        }
    }

    private String clusterVersion = "";

    void apply(EtcdCommand command) {
        if (command instanceof EtcdCommand.AddMember add) {
            members.put(add.memberId(), new Member(add.memberId(), add.peerUrl(), "", ""));
        } else if (command instanceof EtcdCommand.PublishMember publish) {
            Member known = members.get(publish.memberId());
            if (known != null) {
                members.put(known.id(), new Member(known.id(), known.peerUrl(), publish.name(), publish.clientUrl()));
            }
        } else if (command instanceof EtcdCommand.SetClusterVersion version) {
            clusterVersion = version.version();
        }
    }

    /** What a snapshot from the leader carries of the membership (etcd's v2 store in the snap file). */
    Membership copy() {
        Membership copy = new Membership();
        copy.restore(this);
        return copy;
    }

    void restore(Membership from) {
        members.clear();
        members.putAll(from.members);
        clusterVersion = from.clusterVersion;
    }

    List<Member> members() {
        return List.copyOf(members.values());
    }

    Optional<Member> member(long id) {
        return Optional.ofNullable(members.get(id));
    }

    boolean allStarted() {
        return !members.isEmpty() && members.values().stream().allMatch(Member::isStarted);
    }

    String clusterVersion() {
        return clusterVersion;
    }
}
