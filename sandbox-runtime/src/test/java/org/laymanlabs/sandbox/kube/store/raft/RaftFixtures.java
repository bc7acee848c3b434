package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntriesResponse;

/** The helpers of etcd-io/raft's raft_test.go, rebuilt on our types. */
final class RaftFixtures {

    /** A client command with a payload, like the "some data" of the etcd tests. */
    record Data(String text) implements Command {
    }

    private RaftFixtures() {
    }

    static List<Long> ids(int size) {
        return LongStream.rangeClosed(1, size).boxed().toList();
    }

    /** etcd's newTestRaft: checkQuorum off, a fixed seed so every run elects identically. */
    static RaftNode node(long id, int electionTicks, int heartbeatTicks, List<Long> peers, RaftStorage storage) {
        RaftConfig config = new RaftConfig(id, peers, electionTicks, heartbeatTicks, false, true, 0,
                new SplittableRandom(id * 7919));
        return new RaftNode(config, storage);
    }

    static RaftNode node(long id, List<Long> peers) {
        return node(id, 10, 1, peers, new RaftStorage());
    }

    static RaftStorage storage(HardState state, List<Entry> entries) {
        RaftStorage storage = new RaftStorage();
        storage.save(state, entries);
        return storage;
    }

    /** etcd's index(i).terms(...): entries with consecutive indexes from {@code first}. */
    static List<Entry> entries(long first, long... terms) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(new Entry(terms[i], first + i, Noop.INSTANCE));
        }
        return entries;
    }

    static AppendEntriesResponse acceptAndReply(Message m) {
        AppendEntries append = (AppendEntries) m;
        return new AppendEntriesResponse(append.to(), append.from(), append.term(), true,
                append.prevLogIndex() + append.entries().size(), 0, 0);
    }

    /** etcd's commitNoopEntry: replicate the new leader's empty entry and forget the traffic. */
    static void commitNoopEntry(RaftNode leader) {
        if (leader.role() != Role.LEADER) {
            throw new IllegalStateException("only a leader has a noop entry to commit");
        }
        leader.leadership().broadcastAppend();
        for (Message m : leader.readMessages()) {
            leader.step(acceptAndReply(m));
        }
        leader.readMessages();
        leader.ready();
    }

    /**
     * etcd's network: delivers every message at once, in order, until all nodes are quiet.
     * Messages to an id without a node are dropped (etcd's nopStepper).
     */
    static final class Fabric {

        final Map<Long, RaftNode> nodes = new TreeMap<>();

        Fabric(RaftNode... members) {
            for (RaftNode member : members) {
                nodes.put(member.id(), member);
            }
        }

        void deliver(Message... messages) {
            Deque<Message> queue = new ArrayDeque<>(List.of(messages));
            nodes.values().forEach(n -> queue.addAll(n.readMessages()));
            while (!queue.isEmpty()) {
                Message m = queue.poll();
                RaftNode target = nodes.get(m.to());
                if (target != null) {
                    target.step(m);
                    queue.addAll(target.readMessages());
                }
            }
        }

        List<RaftNode> leaders() {
            return nodes.values().stream().filter(n -> n.role() == Role.LEADER).toList();
        }
    }
}
