package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.kube.store.mvcc.MvccException;
import org.laymanlabs.sandbox.kube.store.mvcc.MvccStore;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.Watcher;
import org.laymanlabs.sandbox.kube.store.raft.Entry;
import org.laymanlabs.sandbox.kube.store.raft.HardState;
import org.laymanlabs.sandbox.kube.store.raft.Message;
import org.laymanlabs.sandbox.kube.store.raft.ProposeResult;
import org.laymanlabs.sandbox.kube.store.raft.RaftConfig;
import org.laymanlabs.sandbox.kube.store.raft.RaftNode;
import org.laymanlabs.sandbox.kube.store.raft.RaftStorage;
import org.laymanlabs.sandbox.kube.store.raft.ReadState;
import org.laymanlabs.sandbox.kube.store.raft.Ready;
import org.laymanlabs.sandbox.kube.store.raft.Snapshot;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors etcd server/etcdserver/server.go (EtcdServer) and raft.go (raftNode): one etcd process.
 * Its disk (Raft log and hard state, the MVCC store, the membership and the applied index)
 * survives {@link #stop()}; its Raft node, timers, waiting requests and watches do not.
 */
final class EtcdMember {

    static final String VERSION = "3.5.16";
    static final String CLUSTER_VERSION = "3.5.0";

    private final EtcdCluster cluster;
    private final long id;
    private final int ordinal;
    private final MemberSpec spec;
    private final RaftStorage storage = new RaftStorage();
    private final MvccStore store = new MvccStore();
    private final Membership membership = new Membership();
    private final SplittableRandom random;
    private long appliedIndex;
    private RaftNode raft;
    private VirtualClock.Timer ticker;
    private final Map<Long, Call<TxnResponse>> writes = new HashMap<>();
    private final Map<Long, Call<Long>> compactions = new HashMap<>();
    private final Map<Long, EtcdCommand> unproposed = new LinkedHashMap<>();
    private final LinearizableReads reads = new LinearizableReads();
    private final List<MemberWatch> watches = new ArrayList<>();
    private long sequence;
    private boolean published;
    private long ticksSincePublish;
    private long versionProposedInTerm;
    private long knownLeader;
    private Instant leaderElectedAt;
    private boolean processing;
    private boolean dirty;
    /** One Runnable for every tick of this member's life, rather than a new one ten times a virtual second. */
    private final VirtualClock.Task onTick = this::tickAndReschedule;
    private final LinearizableReads.Header headerNow = this::header;

    /**
     * What a member sends a follower that fell behind its compacted log (etcd's merged snapshot
     * message: the v2 store's membership and the whole v3 backend), as of the sender's applied index.
     */
    record EtcdSnapshot(MvccStore store, Membership membership) {
    }

    /** A client's watch as this member serves it; a stop ends it with a disconnect. */
    record MemberWatch(Watcher watcher, Disconnect onDisconnect) {
    }

    /** What a served watch's client does when this member stops; kept, so serializable. */
    interface Disconnect extends Runnable, java.io.Serializable {
    }

    /** What a request does once it is answered or given up: forget it. Kept by its call's callback. */
    private interface Forget extends Runnable, java.io.Serializable {
    }

    EtcdMember(EtcdCluster cluster, long id, int ordinal, MemberSpec spec, SplittableRandom random) {
        this.cluster = cluster;
        this.id = id;
        this.ordinal = ordinal;
        this.spec = spec;
        this.random = random;
    }

    long id() {
        return id;
    }

    MemberSpec spec() {
        return spec;
    }

    boolean isRunning() {
        return raft != null;
    }

    /** Writes the bootstrap log etcd writes with --initial-cluster-state=new: one ConfChange per member, committed. */
    void bootstrap(List<EtcdCommand.AddMember> members) {
        List<Entry> entries = new ArrayList<>();
        for (EtcdCommand.AddMember add : members) {
            entries.add(new Entry(1, entries.size() + 1, add));
        }
        storage.save(new HardState(1, RaftNode.NONE, entries.size()), entries);
    }

    void start() {
        if (isRunning()) {
            return;
        }
        EtcdClusterSpec config = cluster.spec();
        raft = new RaftNode(RaftConfig.of(id, cluster.memberIds(), random)
                .withTicks(config.electionTicks(), config.heartbeatTicks()).withApplied(appliedIndex), storage);
        published = false;
        ticksSincePublish = Long.MAX_VALUE / 2;
        scheduleTick();
        process();
    }

    private void scheduleTick() {
        ticker = cluster.clock().schedule(cluster.spec().tickInterval(), onTick);
    }

    private void tickAndReschedule() {
        tick();
        if (isRunning()) {
            scheduleTick();
        }
    }


    /** Kills the process: in-flight requests lose their connection, watches are cut. */
    void stop() {
        if (!isRunning()) {
            return;
        }
        ticker.cancel();
        raft = null;
        unproposed.clear();
        List.copyOf(writes.values()).forEach(call -> call.fail(EtcdError.UNAVAILABLE));
        List.copyOf(compactions.values()).forEach(call -> call.fail(EtcdError.UNAVAILABLE));
        reads.failAll(EtcdError.UNAVAILABLE);
        List<MemberWatch> cut = List.copyOf(watches);
        watches.clear();
        cut.forEach(w -> {
            w.watcher().cancel();
            w.onDisconnect().run();
        });
    }

    private void tick() {
        raft.tick();
        reads.ask(raft);
        publishOnce();
        if (raft.leader() == id && membership.clusterVersion().isEmpty() && membership.allStarted()
                && versionProposedInTerm != raft.term()) {
            versionProposedInTerm = raft.term();
            raft.propose(new EtcdCommand.SetClusterVersion(CLUSTER_VERSION));
        }
        process();
    }

    /** etcd's publishV3: announce name and client URL once per start, retrying after a request timeout. */
    private void publishOnce() {
        if (published || raft.leader() == RaftNode.NONE) {
            return;
        }
        long retryTicks = cluster.spec().requestTimeout().toMillis() / cluster.spec().tickInterval().toMillis();
        if (++ticksSincePublish < retryTicks) {
            return;
        }
        ticksSincePublish = 0;
        raft.propose(new EtcdCommand.PublishMember(id, spec.name(), spec.clientUrl()));
    }

    void receive(Message message) {
        raft.step(message);
        process();
    }

    /** Drives Raft's Ready loop: persist, send, apply, serve reads. Re-entrant calls only mark work. */
    private void process() {
        if (processing) {
            dirty = true;
            return;
        }
        processing = true;
        try {
            do {
                dirty = false;
                proposeWaiting();
                noteLeader(raft.leader());
                if (raft.hasReady()) {
                    handle(raft.ready());
                }
                reads.serve(store, appliedIndex, headerNow);
            } while (dirty && isRunning());
        } finally {
            processing = false;
        }
    }

    /** One Ready, in the order etcd's raftNode handles it; indexed loops, as this runs for every heartbeat. */
    private void handle(Ready ready) {
        if (ready.snapshot().index() > 0) {
            restore(ready.snapshot());
        }
        storage.save(ready.hardState(), ready.entries());
        List<Message> messages = ready.messages();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            cluster.network().send(message instanceof Message.InstallSnapshot install ? merged(install) : message);
        }
        List<Entry> committed = ready.committedEntries();
        for (int i = 0; i < committed.size(); i++) {
            apply(committed.get(i));
        }
        if (!committed.isEmpty()) {
            triggerSnapshot();
        }
        List<ReadState> readStates = ready.readStates();
        for (int i = 0; i < readStates.size(); i++) {
            reads.confirmed(readStates.get(i));
        }
        dirty |= !ready.isEmpty();
    }

    /**
     * etcd's triggerSnapshot: once more than --snapshot-count entries were applied since the last
     * snapshot, snapshot the state machine at the applied index and compact the Raft log, keeping
     * SnapshotCatchUpEntries entries before it for slow followers (Raft §7).
     */
    private void triggerSnapshot() {
        EtcdClusterSpec config = cluster.spec();
        if (appliedIndex - storage.snapshot().index() <= config.snapshotCount()) {
            return;
        }
        // The snap file's data is not kept: this member's MVCC store and membership are its disk already.
        storage.createSnapshot(appliedIndex, null);
        long compactTo = appliedIndex > config.snapshotCatchUpEntries() ? appliedIndex - config.snapshotCatchUpEntries() : 1;
        storage.compact(compactTo);
        raft.compact(compactTo);
    }

    /** etcd's createMergedSnapshotMessage: the snapshot goes out as of this member's applied index, with its data. */
    private Message merged(Message.InstallSnapshot install) {
        Snapshot snapshot = new Snapshot(appliedIndex, raft.termAt(appliedIndex),
                new EtcdSnapshot(store.copy(), membership.copy()));
        return new Message.InstallSnapshot(install.from(), install.to(), install.term(), snapshot);
    }

    /** etcd's applySnapshot: the leader's snapshot replaces this member's log, key space and membership. */
    private void restore(Snapshot snapshot) {
        EtcdSnapshot data = (EtcdSnapshot) snapshot.data();
        storage.applySnapshot(new Snapshot(snapshot.index(), snapshot.term(), null));
        store.restore(data.store());
        membership.restore(data.membership());
        appliedIndex = snapshot.index();
    }

    private void noteLeader(long leader) {
        if (leader != knownLeader && leader != RaftNode.NONE) {
            leaderElectedAt = cluster.clock().now();
        }
        knownLeader = leader;
    }

    private void proposeWaiting() {
        if (raft.leader() == RaftNode.NONE || unproposed.isEmpty()) {
            return;
        }
        Map<Long, EtcdCommand> waiting = new LinkedHashMap<>(unproposed);
        unproposed.clear();
        waiting.forEach(this::propose);
    }

    private void propose(long requestId, EtcdCommand command) {
        if (raft.propose(command) instanceof ProposeResult.NotLeader) {
            unproposed.put(requestId, command);
        }
    }

    private void apply(Entry entry) {
        if (entry.command() instanceof EtcdCommand.KvTxn txn) {
            applyTxn(txn);
        } else if (entry.command() instanceof EtcdCommand.Compaction compaction) {
            applyCompaction(compaction);
        } else if (entry.command() instanceof EtcdCommand command) {
            membership.apply(command);
            if (command instanceof EtcdCommand.PublishMember publish && publish.memberId() == id) {
                published = true;
            }
        }
        appliedIndex = entry.index();
    }

    private void applyTxn(EtcdCommand.KvTxn txn) {
        Call<TxnResponse> call = writes.remove(txn.requestId());
        try {
            TxnResponse response = store.txn(txn.txn());
            if (call != null) {
                call.complete(response, header());
            }
        } catch (MvccException e) {
            if (call != null) {
                call.fail(EtcdError.of(e.error()));
            }
        }
    }

    private void applyCompaction(EtcdCommand.Compaction compaction) {
        Call<Long> call = compactions.remove(compaction.requestId());
        try {
            store.compact(compaction.revision());
            if (call != null) {
                call.complete(store.currentRevision(), header());
            }
        } catch (MvccException e) {
            if (call != null) {
                call.fail(EtcdError.of(e.error()));
            }
        }
    }

    ResponseHeader header() {
        return new ResponseHeader(cluster.clusterId(), id, store.currentRevision(), raft == null ? 0 : raft.term());
    }

    void txn(TxnRequest txn, Call<TxnResponse> call) {
        long requestId = nextRequestId();
        writes.put(requestId, call);
        submit(requestId, new EtcdCommand.KvTxn(requestId, txn), call, () -> writes.remove(requestId));
    }

    void compact(long revision, Call<Long> call) {
        long requestId = nextRequestId();
        compactions.put(requestId, call);
        submit(requestId, new EtcdCommand.Compaction(requestId, revision), call, () -> compactions.remove(requestId));
    }

    private void submit(long requestId, EtcdCommand command, Call<?> call, Forget forget) {
        Instant start = cluster.clock().now();
        VirtualClock.Timer deadline = cluster.clock().schedule(cluster.spec().requestTimeout(),
                () -> call.fail(timeoutError(start)));
        call.whenDone(c -> {
            deadline.cancel();
            forget.run();
            unproposed.remove(requestId);
        });
        propose(requestId, command);
        process();
    }

    /** etcd's parseProposeCtxErr: blame a leader change if one happened while the request waited. */
    private EtcdError timeoutError(Instant start) {
        Duration twoElections = cluster.spec().tickInterval().multipliedBy(2L * cluster.spec().electionTicks());
        boolean leaderChanged = leaderElectedAt != null && start.isBefore(leaderElectedAt)
                && start.isAfter(leaderElectedAt.minus(twoElections));
        return leaderChanged ? EtcdError.REQUEST_TIMED_OUT_LEADER_FAIL : EtcdError.REQUEST_TIMED_OUT;
    }

    void range(RangeRequest request, Call<RangeResponse> call) {
        if (request.serializable()) {
            try {
                call.complete(store.range(request), header());
            } catch (MvccException e) {
                call.fail(EtcdError.of(e.error()));
            }
            return;
        }
        VirtualClock.Timer deadline = cluster.clock().schedule(cluster.spec().requestTimeout(),
                () -> call.fail(EtcdError.REQUEST_TIMED_OUT));
        call.whenDone(c -> deadline.cancel());
        reads.add(nextRequestId(), request, call);
        reads.ask(raft);
        process();
    }

    /** Starts serving a watch; etcd requires a leader for it (clientv3.WithRequireLeader). */
    MemberWatch watch(WatchRequest request, Watch.Listener sink, Disconnect onDisconnect) {
        if (raft.leader() == RaftNode.NONE) {
            throw new EtcdException(EtcdError.NO_LEADER);
        }
        try {
            Watcher watcher = store.watch(request.range(), request.startRevision(), request.prevKv(),
                    events -> sink.accept(new WatchResponse(header(), events, false, Optional.empty(), 0)));
            MemberWatch served = new MemberWatch(watcher, onDisconnect);
            watches.add(served);
            return served;
        } catch (MvccException e) {
            throw new EtcdException(EtcdError.of(e.error()));
        }
    }

    void unwatch(MemberWatch served) {
        served.watcher().cancel();
        watches.remove(served);
    }

    long compactRevision() {
        return store.compactRevision();
    }

    StatusResponse status() {
        long leader = raft.leader();
        List<String> errors = leader == RaftNode.NONE ? List.of(EtcdError.NO_LEADER.message()) : List.of();
        return new StatusResponse(header(), VERSION, store.dbSizeBytes(), leader, raft.commitIndex(), raft.term(),
                appliedIndex, errors, store.dbSizeInUseBytes(), false);
    }

    List<MemberInfo> memberList() {
        return membership.members().stream().map(m -> new MemberInfo(m.id(), m.name(), List.of(m.peerUrl()),
                m.clientUrl().isEmpty() ? List.of() : List.of(m.clientUrl()), false)).toList();
    }

    MemberView view() {
        Optional<String> leader = Optional.ofNullable(raft).map(RaftNode::leader).filter(l -> l != RaftNode.NONE)
                .flatMap(cluster::nameOf);
        long term = raft == null ? storage.hardState().term() : raft.term();
        long commit = raft == null ? storage.hardState().commit() : raft.commitIndex();
        return new MemberView(id, spec.name(), spec.peerUrl(), spec.clientUrl(), isRunning(),
                Optional.ofNullable(raft).map(RaftNode::role), term, leader, commit, appliedIndex,
                storage.lastIndex(), store.currentRevision(), store.dbSizeBytes());
    }

    /** The member's store, for tests and graders that compare replicas. */
    MvccStore store() {
        return store;
    }

    /** The member's Raft storage, for tests that check its snapshot and compaction. */
    RaftStorage storage() {
        return storage;
    }

    /** IDs unique across members: the member's ordinal in the top bits, a counter below. */
    private long nextRequestId() {
        return ((long) (ordinal + 1) << 48) | ++sequence;
    }
}
