package org.laymanlabs.sandbox.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * One container, as moby's container/container.go holds it: identity, the image it was made
 * from, what it runs, its root file system and mounts, its state, its log, and, while it runs,
 * its namespace, endpoints, published ports and process. The runtime changes it; commands read it.
 */
public final class Container {

    private static final int MAX_LOG_LINES = 5000;

    private final String id;
    private final String name;
    private final Instant created;
    private final Image image;
    private final ContainerSpec spec;
    private final List<String> path;
    private final List<String> env;
    private final String workingDir;
    private final RootFileSystem rootfs;
    private final List<Mount> mounts;
    private final ContainerState state = new ContainerState();
    private final List<LogEntry> logs = new ArrayList<>();
    /** The networks it joins when it starts, by name: its --network, then those docker network connect added. */
    final List<String> networks = new ArrayList<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<PortMapping> publishedPorts = new ArrayList<>();
    NetworkNamespace namespace;
    Process process;
    int restartCount;
    boolean manuallyStopped;
    VirtualClock.Timer pendingTimer;
    RestartManager restartManager;
    ContainerProcess pid1;
    int shimPid;
    /** Set for a CRI container: the sandbox's namespace to join instead of libnetwork's, and the memory cgroup. */
    OciLinux oci;
    /** Resident memory of its processes, charged to its memory cgroup. */
    long memoryUsage;
    org.laymanlabs.sandbox.container.program.ProgramRegistry programs =
            org.laymanlabs.sandbox.container.program.ProgramRegistry.shared();

    Container(String id, String name, Instant created, Image image, ContainerSpec spec, List<String> path,
              List<String> env, String workingDir, RootFileSystem rootfs, List<Mount> mounts) {
        this.id = id;
        this.name = name;
        this.created = created;
        this.image = image;
        this.spec = spec;
        this.path = List.copyOf(path);
        this.env = List.copyOf(env);
        this.workingDir = workingDir;
        this.rootfs = rootfs;
        this.mounts = List.copyOf(mounts);
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    /**
     * libnetwork's ID for the container's network sandbox. Docker draws a random one; this one is
     * derived from the container's ID so that it costs no draw from the sandbox's seeded IDs.
     */
    public String sandboxId() {
        return Digest.sha256("libnetwork sandbox " + id).hex();
    }

    /** The name without moby's leading slash. */
    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public Image image() {
        return image;
    }

    public ContainerSpec spec() {
        return spec;
    }

    /** The process's argv: the entrypoint then the command, as the daemon resolved them at create. */
    public List<String> argv() {
        return path;
    }

    public List<String> env() {
        return env;
    }

    public String workingDir() {
        return workingDir;
    }

    public RootFileSystem rootfs() {
        return rootfs;
    }

    /** The root with its volumes mounted, as the container's processes see it. */
    public FileSystem files() {
        return new MountedFileSystem(rootfs, mounts);
    }

    public List<Mount> mounts() {
        return mounts;
    }

    public ContainerState state() {
        return state;
    }

    public List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** The ports published while it runs, host ports as allocated. */
    public List<PortMapping> publishedPorts() {
        return List.copyOf(publishedPorts);
    }

    public int restartCount() {
        return restartCount;
    }

    /** The host PID of the containerd-shim that started the running process: its parent in {@code docker top}. */
    public int shimPid() {
        return shimPid;
    }

    /** The running process's argv now (after any exec), or empty when nothing runs. */
    public List<String> processArgv() {
        return pid1 == null || pid1.exited() ? List.of() : pid1.argv();
    }

    /** The memory cgroup's limit in bytes, 0 when it has none. */
    public long memoryLimit() {
        return oci == null ? 0 : oci.memoryLimit();
    }

    /** What its running processes hold now, as the memory cgroup counts it. */
    public long memoryUsage() {
        return memoryUsage;
    }

    public Optional<NetworkNamespace> namespace() {
        return Optional.ofNullable(namespace);
    }

    void log(LogEntry entry) {
        logs.add(entry);
        if (logs.size() > MAX_LOG_LINES) {
            logs.remove(0);
        }
    }
}
