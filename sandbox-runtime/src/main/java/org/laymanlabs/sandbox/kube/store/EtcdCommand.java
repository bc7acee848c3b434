package org.laymanlabs.sandbox.kube.store;

import org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest;
import org.laymanlabs.sandbox.kube.store.raft.Command;

/**
 * What etcd puts in its Raft log (etcdserverpb.InternalRaftRequest and raftpb.ConfChange): every
 * change to the key space, and the membership facts each member must agree on. Each key-space
 * write is a transaction; a plain put or delete is a transaction without compares.
 */
sealed interface EtcdCommand extends Command {

    /** A bootstrap ConfChangeAddNode: the member and the peer URL it was started with. */
    record AddMember(long memberId, String peerUrl) implements EtcdCommand {
    }

    /** etcd's publishV3 on every start: the member's name and client URL become known to all. */
    record PublishMember(long memberId, String name, String clientUrl) implements EtcdCommand {
    }

    /** The leader records the version every member runs (ClusterVersionSetRequest). */
    record SetClusterVersion(String version) implements EtcdCommand {
    }

    /** A client's write; {@code requestId} lets the member that took the request answer it. */
    record KvTxn(long requestId, TxnRequest txn) implements EtcdCommand {
    }

    record Compaction(long requestId, long revision) implements EtcdCommand {
    }
}
