package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntriesResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.Heartbeat;
import org.laymanlabs.sandbox.kube.store.raft.Message.HeartbeatResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.InstallSnapshot;
import org.laymanlabs.sandbox.kube.store.raft.Message.Propose;
import org.laymanlabs.sandbox.kube.store.raft.Message.ReadIndex;
import org.laymanlabs.sandbox.kube.store.raft.Message.ReadIndexResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVote;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVoteResponse;

/**
 * Mirrors etcd-io/raft raft.go: one Raft server as a deterministic state machine. It does no I/O
 * and reads no clock: its host calls {@link #tick()} at a fixed interval, hands it every message
 * with {@link #step}, and after each call collects a {@link Ready} (what to persist, send and apply).
 * Roles, terms and the rules of Figure 2 live here; replication bookkeeping is in {@link Leadership}.
 */
public final class RaftNode {

    /** No node: no vote cast, no leader known. Real IDs are never 0. */
    public static final long NONE = 0;

    final RaftConfig config;
    final RaftLog log;
    /** The host's storage, shared as etcd-io/raft shares MemoryStorage: a leader sends its snapshot from here. */
    final RaftStorage storage;
    final List<Message> outbox = new ArrayList<>();
    final List<ReadState> readStates = new ArrayList<>();
    private final Map<Long, Boolean> votes = new TreeMap<>();
    private Leadership leadership;
    private Role role = Role.FOLLOWER;
    private long term;
    private long vote;
    private long leader;
    int electionElapsed;
    private int heartbeatElapsed;
    private int randomizedElectionTimeout;
    /** The hard state handed to the host last (etcd-io/raft RawNode.prevHardSt): a Ready carries it only when it changed. */
    private HardState handedOut;

    /** Starts (or restarts) a node from what its storage holds, as a follower (§5.2). */
    public RaftNode(RaftConfig config, RaftStorage storage) {
        this.config = config;
        this.storage = storage;
        HardState state = storage.hardState();
        this.log = new RaftLog(storage.entries(), storage.offset(), storage.offsetTerm(), state.commit(), config.applied());
        this.term = state.term();
        this.vote = state.vote();
        becomeFollower(term, NONE);
        this.handedOut = new HardState(term, vote, log.committed());
    }

    public long id() {
        return config.id();
    }

    public Role role() {
        return role;
    }

    public long term() {
        return term;
    }

    public long vote() {
        return vote;
    }

    public long leader() {
        return leader;
    }

    public long commitIndex() {
        return log.committed();
    }

    public long appliedIndex() {
        return log.applied();
    }

    public long lastIndex() {
        return log.lastIndex();
    }

    /** The term of the entry at {@code index}; 0 once it is compacted. */
    public long termAt(long index) {
        return log.term(index);
    }

    /**
     * §7: the host took a snapshot that covers the entries up to {@code index} and discarded them
     * from its storage; the node forgets them too. Only applied entries can go.
     */
    public void compact(long index) {
        log.compact(index);
    }

    /** The entries from {@code index} to the end, for inspection. */
    public List<Entry> entriesFrom(long index) {
        return log.from(index);
    }

    /** One tick of logical time: followers count towards an election, leaders towards a heartbeat. */
    public void tick() {
        if (role == Role.LEADER) {
            tickHeartbeat();
        } else if (++electionElapsed >= randomizedElectionTimeout) {
            electionElapsed = 0;
            campaign();
        }
    }

    private void tickHeartbeat() {
        heartbeatElapsed++;
        if (++electionElapsed >= config.electionTicks()) {
            electionElapsed = 0;
            if (config.checkQuorum() && !leadership.quorumWasActive()) {
                becomeFollower(term, NONE);
                return;
            }
        }
        if (heartbeatElapsed >= config.heartbeatTicks()) {
            heartbeatElapsed = 0;
            leadership.broadcastHeartbeat(0);
        }
    }

    /** §5.2: start an election now (etcd-io/raft MsgHup). A leader ignores it. */
    public void campaign() {
        if (role == Role.LEADER) {
            return;
        }
        becomeCandidate();
        if (quorum() == 1) {
            becomeLeader();
            return;
        }
        for (long peer : config.peers()) {
            if (peer != id()) {
                send(new RequestVote(id(), peer, term, log.lastIndex(), log.lastTerm()));
            }
        }
    }

    /** Offers a client command. A leader appends it; a follower forwards it or names the leader. */
    public ProposeResult propose(Command command) {
        if (role == Role.LEADER) {
            leadership.appendAndBroadcast(List.of(command));
            return new ProposeResult.Appended(log.lastIndex(), term);
        }
        if (leader == NONE || !config.forwardProposals()) {
            return new ProposeResult.NotLeader(leader);
        }
        send(new Propose(id(), leader, 0, List.of(command)));
        return new ProposeResult.Forwarded(leader);
    }

    /**
     * Asks for a linearizable read with a context unique to the caller. A {@link ReadState} with
     * that context appears in a later Ready; returns false when no leader is known to ask.
     */
    public boolean readIndex(long context) {
        if (role == Role.LEADER) {
            leadership.handleReadIndex(id(), context);
            return true;
        }
        if (leader == NONE) {
            return false;
        }
        send(new ReadIndex(id(), leader, 0, context));
        return true;
    }

    /** Applies the term rules every server follows (§5.1), then the rules of its role. */
    public void step(Message m) {
        if (m.to() != id()) {
            throw new IllegalArgumentException(id() + " got a message for " + m.to() + ": " + m);
        }
        if (m.term() > term) {
            if (m instanceof RequestVote && inLease()) {
                return;
            }
            boolean fromLeader = m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot;
            becomeFollower(m.term(), fromLeader ? m.from() : NONE);
        } else if (m.term() != 0 && m.term() < term) {
            if (config.checkQuorum() && (m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot)) {
                // Tell a deposed leader about the newer term so that it steps down (etcd-io/raft Step).
                send(new AppendEntriesResponse(id(), m.from(), term, false, 0, 0, 0));
            }
            return;
        }
        if (m instanceof RequestVote request) {
            handleVote(request);
            return;
        }
        switch (role) {
            case LEADER -> leadership.step(m);
            case CANDIDATE -> stepCandidate(m);
            case FOLLOWER -> stepFollower(m);
        }
    }

    /** §6.2 of the Raft thesis: while a leader is heard from, a vote request cannot disrupt it. */
    private boolean inLease() {
        return config.checkQuorum() && leader != NONE && electionElapsed < config.electionTicks();
    }

    /** §5.2 one vote per term, first come first served; §5.4.1 only for a log at least as up to date. */
    private void handleVote(RequestVote request) {
        boolean canVote = vote == request.from() || (vote == NONE && leader == NONE);
        boolean grant = canVote && log.isUpToDate(request.lastLogIndex(), request.lastLogTerm());
        if (grant) {
            electionElapsed = 0;
            vote = request.from();
        }
        send(new RequestVoteResponse(id(), request.from(), term, grant));
    }

    private void stepCandidate(Message m) {
        if (m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot) {
            becomeFollower(m.term(), m.from());
            stepFollower(m);
        } else if (m instanceof RequestVoteResponse response) {
            votes.put(response.from(), response.granted());
            long granted = votes.values().stream().filter(g -> g).count();
            if (granted >= quorum()) {
                becomeLeader();
                leadership.broadcastAppend();
            } else if (votes.size() - granted >= quorum()) {
                becomeFollower(term, NONE);
            }
        }
    }

    private void stepFollower(Message m) {
        if (m instanceof AppendEntries append) {
            electionElapsed = 0;
            leader = append.from();
            handleAppendEntries(append);
        } else if (m instanceof InstallSnapshot install) {
            electionElapsed = 0;
            leader = install.from();
            handleSnapshot(install.snapshot());
        } else if (m instanceof Heartbeat heartbeat) {
            electionElapsed = 0;
            leader = heartbeat.from();
            log.commitTo(Math.min(heartbeat.commit(), log.lastIndex()));
            send(new HeartbeatResponse(id(), heartbeat.from(), term, heartbeat.context()));
        } else if (m instanceof Propose propose && leader != NONE && config.forwardProposals()) {
            send(new Propose(propose.from(), leader, 0, propose.commands()));
        } else if (m instanceof ReadIndex read && leader != NONE) {
            send(new ReadIndex(read.from(), leader, 0, read.context()));
        } else if (m instanceof ReadIndexResponse response) {
            readStates.add(new ReadState(response.context(), response.index()));
        }
    }

    /** §5.3, AppendEntries receiver implementation. */
    private void handleAppendEntries(AppendEntries m) {
        if (m.prevLogIndex() < log.committed()) {
            send(new AppendEntriesResponse(id(), m.from(), term, true, log.committed(), 0, 0));
            return;
        }
        long lastNew = log.maybeAppend(m.prevLogIndex(), m.prevLogTerm(), m.leaderCommit(), m.entries());
        if (lastNew >= 0) {
            send(new AppendEntriesResponse(id(), m.from(), term, true, lastNew, 0, 0));
            return;
        }
        long hint = log.findConflictByTerm(Math.min(m.prevLogIndex(), log.lastIndex()), m.prevLogTerm());
        send(new AppendEntriesResponse(id(), m.from(), term, false, m.prevLogIndex(), hint, log.term(hint)));
    }

    /**
     * §7, InstallSnapshot receiver implementation (etcd-io/raft handleSnapshot and restore): a
     * snapshot behind the commit index is ignored; one whose last entry the log already holds
     * only advances the commit; otherwise the whole log is discarded and the host restores the
     * state machine from the snapshot. The answer names the last index the follower now holds.
     */
    private void handleSnapshot(Snapshot snapshot) {
        long index;
        if (snapshot.index() <= log.committed()) {
            index = log.committed();
        } else if (log.matchTerm(snapshot.index(), snapshot.term())) {
            log.commitTo(snapshot.index());
            index = log.committed();
        } else {
            log.restore(snapshot);
            index = log.lastIndex();
        }
        send(new AppendEntriesResponse(id(), leader, term, true, index, 0, 0));
    }

    void becomeFollower(long newTerm, long newLeader) {
        reset(newTerm);
        role = Role.FOLLOWER;
        leader = newLeader;
    }

    void becomeCandidate() {
        if (role == Role.LEADER) {
            throw new IllegalStateException("a leader cannot become a candidate");
        }
        reset(term + 1);
        role = Role.CANDIDATE;
        vote = id();
        votes.put(id(), true);
    }

    void becomeLeader() {
        if (role == Role.FOLLOWER) {
            throw new IllegalStateException("a follower cannot become leader without an election");
        }
        reset(term);
        role = Role.LEADER;
        leader = id();
        leadership = new Leadership(this);
        leadership.append(List.of(Noop.INSTANCE));
    }

    private void reset(long newTerm) {
        if (newTerm != term) {
            term = newTerm;
            vote = NONE;
        }
        leader = NONE;
        leadership = null;
        electionElapsed = 0;
        heartbeatElapsed = 0;
        randomizedElectionTimeout = config.electionTicks() + config.random().nextInt(config.electionTicks());
        votes.clear();
    }

    /** The leader's replication state; null unless this node leads. */
    Leadership leadership() {
        return leadership;
    }

    int quorum() {
        return config.peers().size() / 2 + 1;
    }

    void send(Message m) {
        outbox.add(m);
    }

    /** Test hook: takes the messages sent since the last call. */
    List<Message> readMessages() {
        List<Message> messages = List.copyOf(outbox);
        outbox.clear();
        return messages;
    }

    /**
     * etcd-io/raft RawNode.HasReady: whether {@link #ready()} would ask anything of the host. An
     * idle member asks this after every tick and heartbeat, so it allocates nothing.
     */
    public boolean hasReady() {
        return !outbox.isEmpty() || !readStates.isEmpty() || log.hasUnstable() || log.hasNextCommitted()
                || hardStateChanged() || log.pendingSnapshot() != null;
    }

    private boolean hardStateChanged() {
        return term != handedOut.term() || vote != handedOut.vote() || log.committed() != handedOut.commit();
    }

    /**
     * Hands over what the host must do now, and assumes it will be done before the next call:
     * the entries are then stable and the committed entries applied (etcd-io/raft Ready + Advance).
     */
    public Ready ready() {
        if (hardStateChanged()) {
            handedOut = new HardState(term, vote, log.committed());
        }
        Snapshot snapshot = log.pendingSnapshot() == null ? Snapshot.EMPTY : log.pendingSnapshot();
        Ready ready = new Ready(handedOut, log.unstable(), outbox, log.nextCommitted(), readStates, snapshot);
        outbox.clear();
        readStates.clear();
        log.markStableAndApplied();
        return ready;
    }
}
