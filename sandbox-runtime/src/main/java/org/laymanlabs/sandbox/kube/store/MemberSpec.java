package org.laymanlabs.sandbox.kube.store;

import java.util.Objects;

/** One member as etcd's --name, --initial-advertise-peer-urls and --advertise-client-urls give it. */
public record MemberSpec(String name, String peerUrl, String clientUrl) {

    public MemberSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(peerUrl, "peerUrl");
        Objects.requireNonNull(clientUrl, "clientUrl");
    }
}
