package org.laymanlabs.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.kube.ClusterSpec;

/**
 * How to build a sandbox: what makes it reproducible (the seed, the start time) and the shape a
 * lab asks for (DESIGN.md, "The sandbox").
 *
 * @param seed      the seed of the sandbox's random source, so that a lab replays identically
 * @param startTime the instant the learner's session starts at, on the sandbox's virtual clock (its
 *                  cluster has booted in the minute before)
 * @param cluster   the cluster's nodes and network mode
 * @param images    references the learner's Docker engine has pulled before the session starts
 * @param manifests YAML documents applied to the cluster at start, as an operator's {@code kubectl apply} would
 * @param faults    what is broken when the session starts, in order
 * @param limits    the sandbox's quotas
 */
public record SandboxSpec(long seed, Instant startTime, ClusterSpec cluster, List<String> images,
                          List<String> manifests, List<Fault> faults, SandboxLimits limits) {

    public SandboxSpec {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(cluster, "cluster");
        images = List.copyOf(images);
        manifests = List.copyOf(manifests);
        faults = List.copyOf(faults);
        Objects.requireNonNull(limits, "limits");
    }

    /** A lab's shape with the default quotas. */
    public SandboxSpec(long seed, Instant startTime, ClusterSpec cluster, List<String> images, List<String> manifests,
                       List<Fault> faults) {
        this(seed, startTime, cluster, images, manifests, faults, SandboxLimits.DEFAULTS);
    }

    /** kubeadm's default cluster, nothing preloaded and nothing broken. */
    public SandboxSpec(long seed, Instant startTime) {
        this(seed, startTime, ClusterSpec.kubeadmDefault(), List.of(), List.of(), List.of(), SandboxLimits.DEFAULTS);
    }

    /** The shape the REPL starts when no lab is named, with its clock starting at {@code start}. */
    public static SandboxSpec defaults(Instant start) {
        return new SandboxSpec(1L, start);
    }

    public SandboxSpec withCluster(ClusterSpec shape) {
        return new SandboxSpec(seed, startTime, shape, images, manifests, faults, limits);
    }

    public SandboxSpec withImages(List<String> references) {
        return new SandboxSpec(seed, startTime, cluster, references, manifests, faults, limits);
    }

    public SandboxSpec withManifests(List<String> yaml) {
        return new SandboxSpec(seed, startTime, cluster, images, yaml, faults, limits);
    }

    public SandboxSpec withFaults(List<Fault> broken) {
        return new SandboxSpec(seed, startTime, cluster, images, manifests, broken, limits);
    }

    public SandboxSpec withLimits(SandboxLimits quotas) {
        return new SandboxSpec(seed, startTime, cluster, images, manifests, faults, quotas);
    }
}
