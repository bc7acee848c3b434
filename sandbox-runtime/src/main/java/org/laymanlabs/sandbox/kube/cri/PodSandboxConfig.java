package org.laymanlabs.sandbox.kube.cri;

import java.util.Objects;

/**
 * What the kubelet asks RunPodSandbox for (runtime.v1 PodSandboxConfig): the pod's metadata and
 * attempt, and whether it shares the node's network namespace.
 */
public record PodSandboxConfig(String name, String namespace, String uid, int attempt, boolean hostNetwork,
                               String resolvConf, String hosts) {

    public PodSandboxConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(resolvConf, "resolvConf");
        Objects.requireNonNull(hosts, "hosts");
    }
}
