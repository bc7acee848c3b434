package org.laymanlabs.sandbox.kube.cri;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/**
 * A pod sandbox as containerd's CRI plugin keeps it (internal/cri/store/sandbox): its ID, the
 * pod's metadata, the pause container that owns its network namespace, its IP, and whether it is
 * ready. App containers join its namespace.
 */
public final class PodSandbox {

    /** runtime.v1 PodSandboxState. */
    public enum State { SANDBOX_READY, SANDBOX_NOTREADY }

    private final PodSandboxConfig config;
    private final Container pause;
    private final NetworkNamespace netns;
    private final Optional<String> ip;
    private final Instant created;
    private State state = State.SANDBOX_READY;

    PodSandbox(PodSandboxConfig config, Container pause, NetworkNamespace netns, Optional<String> ip, Instant created) {
        this.config = config;
        this.pause = pause;
        this.netns = netns;
        this.ip = ip;
        this.created = created;
    }

    /** The sandbox's ID: its pause container's, as containerd uses one ID for both. */
    public String id() {
        return pause.id();
    }

    public PodSandboxConfig config() {
        return config;
    }

    public Container pause() {
        return pause;
    }

    public NetworkNamespace netns() {
        return netns;
    }

    /** The pod's IP from CNI; the node's own for a host-network pod, which CRI reports as none. */
    public Optional<String> ip() {
        return ip;
    }

    public Instant created() {
        return created;
    }

    public State state() {
        return state;
    }

    void notReady() {
        state = State.SANDBOX_NOTREADY;
    }

    /** The labels crictl inspectp shows: the kubelet's, which name the pod. */
    public Map<String, String> labels() {
        return Map.of("io.kubernetes.pod.name", config.name(), "io.kubernetes.pod.namespace", config.namespace(),
                "io.kubernetes.pod.uid", config.uid());
    }
}
