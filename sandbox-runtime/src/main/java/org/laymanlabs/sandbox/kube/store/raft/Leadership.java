package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntriesResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.Heartbeat;
import org.laymanlabs.sandbox.kube.store.raft.Message.HeartbeatResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.Propose;
import org.laymanlabs.sandbox.kube.store.raft.Message.ReadIndex;
import org.laymanlabs.sandbox.kube.store.raft.Message.ReadIndexResponse;

/**
 * Mirrors etcd-io/raft raft.go stepLeader and tracker/: the volatile state of a leader (Figure 2,
 * "reinitialized after election": nextIndex and matchIndex per follower), replication, commit by
 * counting replicas of current-term entries (§5.3, §5.4.2), and confirming reads (ReadIndex).
 */
final class Leadership {

    private final RaftNode node;
    /** The voters in ascending order and their progress, side by side: a heartbeat looks a peer up without boxing its ID. */
    private final long[] peers;
    private final Progress[] progress;
    private final ReadOnlyQueue reads = new ReadOnlyQueue();
    private final List<ReadIndex> readsAwaitingFirstCommit = new ArrayList<>();

    Leadership(RaftNode node) {
        this.node = node;
        this.peers = node.config.peers().stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        this.progress = new Progress[peers.length];
        for (int i = 0; i < peers.length; i++) {
            progress[i] = new Progress(node.log.lastIndex() + 1);
        }
        self().replicating = true;
    }

    private Progress self() {
        return progress(node.id());
    }

    /** The progress of a voter, or null for a node that is not one. */
    private Progress progress(long peer) {
        int i = Arrays.binarySearch(peers, peer);
        return i < 0 ? null : progress[i];
    }

    void step(Message m) {
        if (m instanceof Propose propose) {
            appendAndBroadcast(propose.commands());
        } else if (m instanceof AppendEntriesResponse response) {
            handleAppendResponse(response);
        } else if (m instanceof HeartbeatResponse response) {
            handleHeartbeatResponse(response);
        } else if (m instanceof ReadIndex read) {
            handleReadIndex(read.from(), read.context());
        }
    }

    void appendAndBroadcast(List<Command> commands) {
        append(commands);
        broadcastAppend();
    }

    void append(List<Command> commands) {
        for (Command command : commands) {
            node.log.append(new Entry(node.term(), node.log.lastIndex() + 1, command));
        }
        self().matched(node.log.lastIndex());
        maybeCommit();
    }

    void broadcastAppend() {
        for (long peer : peers) {
            if (peer != node.id()) {
                sendAppend(peer);
            }
        }
    }

    void broadcastHeartbeat(long context) {
        for (int i = 0; i < peers.length; i++) {
            if (peers[i] != node.id()) {
                long commit = Math.min(progress[i].match, node.log.committed());
                node.send(new Heartbeat(node.id(), peers[i], node.term(), commit, context));
            }
        }
    }

    private void sendAppend(long peer) {
        Progress pr = progress(peer);
        if (pr.paused) {
            return;
        }
        long prev = pr.next - 1;
        if (prev < node.log.offset()) {
            // §7: the entries this follower needs are gone; send the snapshot that replaced them.
            node.send(new Message.InstallSnapshot(node.id(), peer, node.term(), node.storage.snapshot()));
            pr.paused = true;
            pr.replicating = false;
            return;
        }
        List<Entry> entries = node.log.from(pr.next);
        node.send(new AppendEntries(node.id(), peer, node.term(), prev, node.log.term(prev), entries,
                node.log.committed()));
        pr.sentEntriesUpTo(prev + entries.size());
    }

    private void handleAppendResponse(AppendEntriesResponse response) {
        Progress pr = progress(response.from());
        if (pr == null) {
            return;
        }
        pr.recentActive = true;
        if (!response.success()) {
            long hint = response.hintTerm() > 0
                    ? node.log.findConflictByTerm(response.hintIndex(), response.hintTerm())
                    : response.hintIndex();
            if (pr.backOff(response.index(), hint)) {
                sendAppend(response.from());
            }
            return;
        }
        if (pr.matched(response.index()) && maybeCommit()) {
            broadcastAppend();
        } else if (pr.next <= node.log.lastIndex()) {
            sendAppend(response.from());
        }
    }

    private void handleHeartbeatResponse(HeartbeatResponse response) {
        Progress pr = progress(response.from());
        if (pr == null) {
            return;
        }
        pr.recentActive = true;
        pr.paused = false;
        if (pr.match < node.log.lastIndex()) {
            sendAppend(response.from());
        }
        if (response.context() != 0 && reads.ack(response.context(), response.from()) >= node.quorum()) {
            reads.releaseThrough(response.context()).forEach(r -> answerRead(r.from(), r.context(), r.index()));
        }
    }

    /** §5.3/§5.4.2: commit the highest index a majority stores, but only if it is from this term. */
    private boolean maybeCommit() {
        long[] matches = new long[progress.length];
        for (int i = 0; i < progress.length; i++) {
            matches[i] = progress[i].match;
        }
        Arrays.sort(matches);
        long quorumIndex = matches[matches.length - node.quorum()];
        if (quorumIndex <= node.log.committed() || node.log.term(quorumIndex) != node.term()) {
            return false;
        }
        node.log.commitTo(quorumIndex);
        List<ReadIndex> waiting = List.copyOf(readsAwaitingFirstCommit);
        readsAwaitingFirstCommit.clear();
        waiting.forEach(read -> handleReadIndex(read.from(), read.context()));
        return true;
    }

    /** A leader may answer reads only once it has committed an entry of its own term (§8). */
    void handleReadIndex(long from, long context) {
        if (node.quorum() == 1) {
            answerRead(from, context, node.log.committed());
        } else if (node.log.term(node.log.committed()) != node.term()) {
            readsAwaitingFirstCommit.add(new ReadIndex(from, node.id(), 0, context));
        } else {
            reads.add(context, from, node.log.committed());
            reads.ack(context, node.id());
            broadcastHeartbeat(context);
        }
    }

    private void answerRead(long from, long context, long index) {
        if (from == node.id()) {
            node.readStates.add(new ReadState(context, index));
        } else {
            node.send(new ReadIndexResponse(node.id(), from, node.term(), context, index));
        }
    }

    /** CheckQuorum: whether a majority was heard from since the last check; starts a new period. */
    boolean quorumWasActive() {
        int active = 0;
        for (int i = 0; i < peers.length; i++) {
            if (peers[i] == node.id() || progress[i].recentActive) {
                active++;
            }
            progress[i].recentActive = false;
        }
        return active >= node.quorum();
    }

    /** The leader's matchIndex for a peer, for inspection. */
    long matchOf(long peer) {
        return progress(peer).match;
    }

    long nextOf(long peer) {
        return progress(peer).next;
    }
}
