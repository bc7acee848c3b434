package org.laymanlabs.sandbox.kube.store.raft;

import java.util.List;

/**
 * The RPCs of Raft paper Figure 2 as etcd-io/raft raftpb.Message splits them. A term of 0 marks a
 * message a follower forwards for a client (a proposal or a read); it is not bound to a term.
 */
public sealed interface Message {

    long from();

    long to();

    long term();

    /** RequestVote RPC (§5.2, §5.4.1). */
    record RequestVote(long from, long to, long term, long lastLogIndex, long lastLogTerm) implements Message {
    }

    record RequestVoteResponse(long from, long to, long term, boolean granted) implements Message {
    }

    /** AppendEntries RPC (§5.3): the entries after (prevLogIndex, prevLogTerm), and the leader's commit. */
    record AppendEntries(long from, long to, long term, long prevLogIndex, long prevLogTerm, List<Entry> entries,
                         long leaderCommit) implements Message {
        public AppendEntries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * On success {@code index} is the follower's last matching index. On rejection it is the
     * rejected prevLogIndex, and {@code hintIndex}/{@code hintTerm} point the leader at the last
     * entry that might match (etcd-io/raft's findConflictByTerm), so it backs off in one step.
     */
    record AppendEntriesResponse(long from, long to, long term, boolean success, long index, long hintIndex,
                                 long hintTerm) implements Message {
    }

    /** etcd-io/raft MsgHeartbeat: an empty AppendEntries that carries commit and, for reads, a context. */
    record Heartbeat(long from, long to, long term, long commit, long context) implements Message {
    }

    record HeartbeatResponse(long from, long to, long term, long context) implements Message {
    }

    /**
     * InstallSnapshot RPC (§7; etcd-io/raft MsgSnap): a follower whose next entry the leader has
     * already discarded gets the leader's snapshot instead and answers with an AppendEntriesResponse.
     */
    record InstallSnapshot(long from, long to, long term, Snapshot snapshot) implements Message {
    }

    /** A client proposal a follower forwards to the leader (etcd-io/raft MsgProp). */
    record Propose(long from, long to, long term, List<Command> commands) implements Message {
        public Propose {
            commands = List.copyOf(commands);
        }
    }

    /** A linearizable read a follower forwards to the leader (etcd-io/raft MsgReadIndex). */
    record ReadIndex(long from, long to, long term, long context) implements Message {
    }

    record ReadIndexResponse(long from, long to, long term, long context, long index) implements Message {
    }
}
