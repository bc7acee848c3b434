package org.laymanlabs.sandbox.kube.store;

import java.util.List;

/**
 * Mirrors etcdserverpb.Member, one row of {@code etcdctl member list}. The name and client URLs
 * stay empty until the member has started and published them; etcdctl then says "unstarted".
 */
public record MemberInfo(long id, String name, List<String> peerUrls, List<String> clientUrls, boolean isLearner) {

    public MemberInfo {
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    public String status() {
        return name.isEmpty() ? "unstarted" : "started";
    }
}
