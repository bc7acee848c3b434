package org.laymanlabs.sandbox.kube.cri;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.ContainerStore;
import org.laymanlabs.sandbox.container.OciLinux;
import org.laymanlabs.sandbox.container.RandomIds;
import org.laymanlabs.sandbox.container.RestartPolicy;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.Registry;
import org.laymanlabs.sandbox.kube.cni.BridgePlugin;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * One node's containerd with its CRI plugin (containerd internal/cri/server): the RuntimeService
 * (pod sandboxes with their pause container, containers that join the sandbox's network
 * namespace, stop with the image's stop signal then SIGKILL, exec, logs) and, through
 * {@link ImageService}, the node's own image store. Containers run on the sandbox's container
 * engine, the same one Docker uses, with no Docker networking: CNI wires each sandbox.
 */
public final class Containerd {

    /** The sandbox image kubeadm 1.32 and containerd 1.7 configure. */
    public static final String PAUSE_IMAGE = "registry.k8s.io/pause:3.10";

    private final VirtualClock clock;
    private final ContainerEngine engine;
    private final ImageService images;
    private final NetworkNamespace host;
    private final Optional<BridgePlugin> cni;
    private final Map<String, PodSandbox> sandboxes = new LinkedHashMap<>();
    private final Map<String, CriContainer> containers = new LinkedHashMap<>();
    private final List<ExitListener> exitListeners = new ArrayList<>();

    /**
     * @param node the node's machine (its own namespace is the one host-network pods share)
     * @param cni  the node's CNI plugin, which wires each sandbox's namespace
     */
    public Containerd(VirtualClock clock, RandomGenerator random, Registry registry, NodeHost node, ProgramRegistry programs,
                      Optional<BridgePlugin> cni) {
        this.clock = clock;
        this.host = node.namespace();
        this.cni = cni;
        ContainerStore store = new ContainerStore();
        ImageStore imageStore = new ImageStore(clock, store);
        RandomIds ids = new RandomIds(random);
        // Never started: a node's containers use CNI, not Docker's bridge, ports or DNS.
        NetworkController noDocker = new NetworkController(node.network(), host, node.netfilter(), node.connector(), clock,
                ids::next);
        this.engine = new ContainerEngine(clock, random, imageStore, store, noDocker, node.connector(), programs);
        this.images = new ImageService(clock, imageStore, registry);
        engine.onExit(c -> Optional.ofNullable(containers.get(c.id())).ifPresent(cri -> exitListeners.forEach(l -> l.accept(cri))));
    }

    public ImageService images() {
        return images;
    }

    public VirtualClock clock() {
        return clock;
    }

    /** Who hears a container's TaskExit (the kubelet's PLEG); serializable, as a sandbox's checkpoint keeps it. */
    @FunctionalInterface
    public interface ExitListener extends Consumer<CriContainer>, java.io.Serializable {
    }

    /** containerd's TaskExit events, which the kubelet's PLEG turns into pod syncs. */
    public void onExit(ExitListener listener) {
        exitListeners.add(listener);
    }

    /**
     * RunPodSandbox: the network namespace with CNI ADD ({@code ip} from host-local IPAM), then the
     * pause container in it. A host-network sandbox shares the node's namespace.
     */
    public PodSandbox runPodSandbox(PodSandboxConfig config, Optional<String> ip) {
        NetworkNamespace netns = config.hostNetwork() || cni.isEmpty() || ip.isEmpty() ? host
                : cni.get().add(config.uid(), org.laymanlabs.sandbox.net.Ipv4Address.parse(ip.get()));
        Container pause = engine.create(spec(PAUSE_IMAGE, "k8s_POD_" + podName(config) + "_" + config.attempt(),
                List.of(), Optional.empty(), List.of(), ""), new OciLinux(netns, 0));
        engine.start(pause.id());
        PodSandbox sandbox = new PodSandbox(config, pause, netns, config.hostNetwork() ? Optional.empty() : ip, clock.now());
        sandboxes.put(sandbox.id(), sandbox);
        return sandbox;
    }

    /** StopPodSandbox: its containers are killed, the pause container too, and CNI DEL takes the namespace away. */
    public void stopPodSandbox(String sandboxId) {
        PodSandbox sandbox = sandbox(sandboxId);
        containers.values().stream().filter(c -> c.sandboxId().equals(sandboxId)).forEach(c -> kill(c.container()));
        kill(sandbox.pause());
        if (sandbox.state() == PodSandbox.State.SANDBOX_READY && !sandbox.config().hostNetwork()) {
            cni.ifPresent(plugin -> plugin.del(sandbox.config().uid()));
        }
        sandbox.notReady();
    }

    /** RemovePodSandbox: the sandbox and every container of it go. */
    public void removePodSandbox(String sandboxId) {
        stopPodSandbox(sandboxId);
        List.copyOf(containers.values()).stream().filter(c -> c.sandboxId().equals(sandboxId)).forEach(c -> removeContainer(c.id()));
        engine.remove(sandboxId, true);
        sandboxes.remove(sandboxId);
    }

    /** CreateContainer: in the sandbox's namespace, from an image already on the node. */
    public CriContainer createContainer(String sandboxId, ContainerConfig config) {
        PodSandbox sandbox = sandbox(sandboxId);
        org.laymanlabs.sandbox.image.Image image = images.status(config.image()).orElseThrow(() -> new IllegalStateException(
                "image \"" + config.image() + "\" is not on the node"));
        Optional<String> entrypoint = config.command().isEmpty() ? Optional.empty() : Optional.of(config.command().get(0));
        List<String> cmd = new ArrayList<>();
        if (!config.command().isEmpty()) {
            cmd.addAll(config.command().subList(1, config.command().size()));
        }
        cmd.addAll(config.args());
        String name = "k8s_" + config.name() + "_" + podName(sandbox.config()) + "_" + config.attempt();
        Container created = engine.create(spec(image.id().toString(), name, cmd, entrypoint, config.env(), config.workingDir()),
                new OciLinux(sandbox.netns(), config.memoryLimit()));
        // The kubelet's pod files, bind-mounted over the image's as containerd's CRI plugin mounts them.
        created.rootfs().mkdir("/etc", true);
        created.rootfs().write("/etc/resolv.conf", sandbox.config().resolvConf());
        created.rootfs().write("/etc/hosts", sandbox.config().hosts());
        CriContainer container = new CriContainer(created, sandboxId, config, image, images.repoDigest(image, config.image()));
        containers.put(container.id(), container);
        return container;
    }

    /** StartContainer; a process that cannot start leaves the container exited with containerd's message. */
    public void startContainer(String id) {
        CriContainer c = container(id);
        try {
            engine.start(id);
        } catch (DaemonException e) {
            c.failedToStart(e.getMessage().replace("failed to create task for container: ", "failed to create containerd task: "));
        }
    }

    /**
     * StopContainer: the image's STOPSIGNAL (else SIGTERM), then SIGKILL once {@code timeout} has
     * passed. A zero timeout skips the polite signal, as containerd's container_stop.go sends it
     * only when the timeout is positive ({@code crictl stop} asks for zero by default).
     */
    public void stopContainer(String id, Duration timeout) {
        Container c = container(id).container();
        if (c.state().status() != ContainerStatus.RUNNING) {
            return;
        }
        if (timeout.isZero()) {
            kill(c);
            return;
        }
        Signal signal = Signal.parse(c.image().config().stopSignal()).orElse(Signal.SIGTERM);
        engine.kill(id, signal);
        if (c.state().status() == ContainerStatus.RUNNING) {
            clock.schedule(timeout, () -> kill(c));
        }
    }

    public void removeContainer(String id) {
        CriContainer c = containers.remove(id);
        if (c != null) {
            engine.remove(id, true);
        }
    }

    /** ExecSync / Exec: the command in the running container, its output to {@code out}. */
    public Execution exec(String id, List<String> argv, OutputSink out) {
        return engine.exec(id, argv, "", out);
    }

    /** Exec with stdin and maybe a TTY (kubectl exec -it): a shell reads the learner's lines; {@code hostname} is the pod's. */
    public Execution execAttached(String id, List<String> argv, boolean stdin, boolean tty, String hostname, OutputSink out) {
        return engine.execAttached(id, argv, "", stdin, tty, hostname, out);
    }

    public List<PodSandbox> sandboxes() {
        return List.copyOf(sandboxes.values());
    }

    public List<CriContainer> containers() {
        return List.copyOf(containers.values());
    }

    public Optional<CriContainer> find(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public CriContainer container(String id) {
        CriContainer c = containers.get(id);
        if (c == null) {
            throw new IllegalArgumentException("container \"" + id + "\" not found");
        }
        return c;
    }

    public PodSandbox sandbox(String id) {
        PodSandbox sandbox = sandboxes.get(id);
        if (sandbox == null) {
            throw new IllegalArgumentException("sandbox \"" + id + "\" not found");
        }
        return sandbox;
    }

    private void kill(Container c) {
        if (c.state().status() == ContainerStatus.RUNNING) {
            engine.kill(c.id(), Signal.SIGKILL);
        }
    }

    private static String podName(PodSandboxConfig config) {
        return config.name() + "_" + config.namespace() + "_" + config.uid();
    }

    private static ContainerSpec spec(String image, String name, List<String> cmd, Optional<String> entrypoint, List<String> env,
                                      String workingDir) {
        return new ContainerSpec(image, name, cmd, entrypoint, env, workingDir, List.of(), List.of(), "none",
                RestartPolicy.NO, false, false, false);
    }
}
