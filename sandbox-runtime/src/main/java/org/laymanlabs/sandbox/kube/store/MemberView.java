package org.laymanlabs.sandbox.kube.store;

import java.util.Optional;
import org.laymanlabs.sandbox.kube.store.raft.Role;

/**
 * A read-only snapshot of one member for the UI and the grader. A stopped member shows what its
 * disk holds (term, log length, applied index) and no role.
 *
 * @param leader      the member this one believes leads, by name
 * @param logLength   the index of its last log entry
 * @param revision    its store's current revision
 */
public record MemberView(long id, String name, String peerUrl, String clientUrl, boolean running, Optional<Role> role,
                         long term, Optional<String> leader, long commitIndex, long appliedIndex, long logLength,
                         long revision, long dbSizeBytes) {

    /** The ID as etcd prints it, e.g. {@code 8e9e05c52164694d}. */
    public String hexId() {
        return Long.toHexString(id);
    }

    public boolean isLeader() {
        return role.filter(r -> r == Role.LEADER).isPresent();
    }
}
