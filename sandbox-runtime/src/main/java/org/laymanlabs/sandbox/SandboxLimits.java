package org.laymanlabs.sandbox;

/**
 * The quotas of one sandbox (docs/security.md, "Quotas"): how much a learner's sandbox may hold
 * and how much work it may do, so that one learner's loop, paste or million-replica Deployment
 * cannot starve the others on the server. Each limit is refused in the words the real component
 * uses when it runs out (kube-apiserver's ResourceQuota admission, etcd's space quota, a full
 * disk, the kernel's ENOMEM). The backend sets them from {@code layman.sandbox.*}.
 *
 * @param objects            Kubernetes objects in the cluster's store, the system's own included
 *                           (Events and Leases, which expire by themselves, are not counted)
 * @param pods               pods in the cluster, the system's own included (ResourceQuota's {@code pods})
 * @param containers         containers on the learner's Docker engine, running or not
 * @param images             images on the learner's Docker engine
 * @param layerBytes         the size of the learner's Docker engine's layers, shared ones counted once
 * @param iptablesRules      rules in one network namespace's tables (the learner's machine, or one node)
 * @param workspaceFileBytes characters in one workspace file
 * @param workspaceBytes     characters in all workspace files together
 * @param outputChars        characters one command line may print before the rest is dropped, with a notice
 * @param commandsPerSecond  lines a learner may send per second, on average (twice as many in a burst)
 * @param timersPerSecond    timers the sandbox's event loop may fire in one second of its virtual time;
 *                           past it, something loops without waiting, and the sandbox stops with an error
 */
public record SandboxLimits(int objects, int pods, int containers, int images, long layerBytes, int iptablesRules,
                            int workspaceFileBytes, int workspaceBytes, int outputChars, int commandsPerSecond,
                            int timersPerSecond) {

    /**
     * The defaults: roomy for every lab, small enough that a thousand sandboxes fit a server. A line's
     * output stops at 64 KiB, some 800 lines of 80 columns, more than a learner scrolls back through;
     * a bigger cap only costs the server memory (every character is kept in the line's result).
     */
    public static final SandboxLimits DEFAULTS = new SandboxLimits(2_000, 150, 100, 100, 20_000_000_000L, 5_000,
            1 << 20, 8 << 20, 1 << 16, 20, 200_000);

    public SandboxLimits {
        if (objects < 1 || pods < 1 || containers < 1 || images < 1 || layerBytes < 1 || iptablesRules < 1
                || workspaceFileBytes < 1 || workspaceBytes < 1 || outputChars < 1 || commandsPerSecond < 1
                || timersPerSecond < 1) {
            throw new IllegalArgumentException("every sandbox limit must be at least 1: " + this);
        }
    }

    public SandboxLimits withPods(int count) {
        return new SandboxLimits(objects, count, containers, images, layerBytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withObjects(int count) {
        return new SandboxLimits(count, pods, containers, images, layerBytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withContainers(int count) {
        return new SandboxLimits(objects, pods, count, images, layerBytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withImages(int count, long bytes) {
        return new SandboxLimits(objects, pods, containers, count, bytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withIptablesRules(int count) {
        return new SandboxLimits(objects, pods, containers, images, layerBytes, count, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withOutputChars(int count) {
        return new SandboxLimits(objects, pods, containers, images, layerBytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, count, commandsPerSecond, timersPerSecond);
    }

    public SandboxLimits withTimersPerSecond(int count) {
        return new SandboxLimits(objects, pods, containers, images, layerBytes, iptablesRules, workspaceFileBytes,
                workspaceBytes, outputChars, commandsPerSecond, count);
    }
}
