package org.laymanlabs.sandbox.container;

import java.util.Objects;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/**
 * The parts of an OCI runtime spec's {@code linux} section that a CRI runtime sets and the Docker
 * path leaves to libnetwork (opencontainers/runtime-spec config-linux.md): the path of the network
 * namespace to join (a pod sandbox's, which CNI wired) and the cgroup's memory limit.
 *
 * @param netns       the namespace the container joins; the runtime neither wires nor deletes it
 * @param memoryLimit {@code linux.resources.memory.limit} in bytes, 0 for none
 */
public record OciLinux(NetworkNamespace netns, long memoryLimit) {

    public OciLinux {
        Objects.requireNonNull(netns, "netns");
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + memoryLimit);
        }
    }
}
