package org.laymanlabs.sandbox.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.container.program.ProgramRegistry;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageConfig;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The container side of one sandbox's Docker engine: create, start, stop, kill, restart, rm,
 * exec and commit, with moby's rules and messages (daemon/create.go, start.go, stop.go,
 * kill.go, delete.go, exec.go, commit.go). The docker CLI, the Dockerfile builder (a RUN step is a
 * temporary container) and later a kubelet use it.
 */
public final class ContainerEngine {

    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final VirtualClock clock;
    private final ImageStore images;
    private final ContainerStore containers;
    private final NetworkController networks;
    private final VolumeStore volumes;
    private final RandomIds ids;
    private final NameGenerator names;
    private final ContainerRuntime runtime;
    private final ProgramRegistry programs;
    private int maxContainers = Integer.MAX_VALUE;

    public ContainerEngine(VirtualClock clock, RandomGenerator random, ImageStore images, ContainerStore containers,
                           NetworkController networks, Connector connector) {
        this(clock, random, images, containers, networks, connector, ProgramRegistry.shared());
    }

    /** @param programs the executables its containers run: the shared registry, or one with a cluster's own programs added */
    public ContainerEngine(VirtualClock clock, RandomGenerator random, ImageStore images, ContainerStore containers,
                           NetworkController networks, Connector connector, ProgramRegistry programs) {
        this.programs = programs;
        this.clock = clock;
        this.images = images;
        this.containers = containers;
        this.networks = networks;
        this.ids = new RandomIds(random);
        this.names = new NameGenerator(random);
        this.volumes = new VolumeStore(clock, ids);
        this.runtime = new ContainerRuntime(clock, networks, connector, this::removeAfterExit);
    }

    public ContainerStore containers() {
        return containers;
    }

    public NetworkController networks() {
        return networks;
    }

    public VolumeStore volumes() {
        return volumes;
    }

    public VirtualClock clock() {
        return clock;
    }

    public ImageStore images() {
        return images;
    }

    /** docker volume rm: not while a container, running or not, mounts it. */
    public void removeVolume(Volume volume) {
        List<String> users = containers.all().stream()
                .filter(c -> c.mounts().stream().anyMatch(m -> m.volume() == volume)).map(Container::id).toList();
        if (!users.isEmpty()) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "remove " + volume.name()
                    + ": volume is in use - [" + String.join(", ", users) + "]");
        }
        volumes.remove(volume);
    }

    /** Caps how many containers this engine holds (SandboxLimits' containers). */
    public void limitContainers(int count) {
        this.maxContainers = count;
    }

    /** docker create: the image must be here; name, argv, environment and the writable layer are fixed now. */
    public Container create(ContainerSpec spec) {
        if (containers.all().size() >= maxContainers) {
            // Before any ID or name is drawn, so that a refused create leaves the sandbox's random stream as it was.
            throw new DaemonException(DaemonException.Kind.SYSTEM, "mkdir /var/lib/docker/containers: no space left on device "
                    + "(this sandbox holds at most " + maxContainers + " containers: remove some with docker rm "
                    + "or docker container prune)");
        }
        Image image = images.resolve(spec.image());
        String name = spec.name().isEmpty() ? names.generate(containers::nameTaken) : spec.name();
        if (!name.matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        String plain = name.startsWith("/") ? name.substring(1) : name;
        containers.find(plain).filter(c -> c.name().equals(plain)).ifPresent(c -> {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "Conflict. The container name \"/" + plain
                    + "\" is already in use by container \"" + c.id() + "\". You have to remove (or rename) that"
                    + " container to be able to reuse that name.");
        });
        if (!spec.networkMode().equals("host") && !spec.networkMode().equals("none")
                && !spec.networkMode().equals("default")) {
            networks.find(spec.networkMode());
        }
        List<String> argv = argv(image.config(), spec);
        if (argv.isEmpty()) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "no command specified");
        }
        List<String> env = new ArrayList<>(image.config().env());
        env.addAll(spec.env());
        String workingDir = spec.workingDir().isEmpty() ? image.config().workingDir() : spec.workingDir();
        RootFileSystem rootfs = new RootFileSystem(image.layers().stream().map(l -> l.diff()).toList(), "/root",
                image.created(), clock::now);
        Container container = new Container(ids.next(), plain, clock.now(), image, spec, argv, env, workingDir,
                rootfs, mounts(spec));
        container.restartManager = new RestartManager(spec.restartPolicy());
        container.programs = programs;
        if (!spec.networkMode().equals("host") && !spec.networkMode().equals("none")) {
            // By name, as connect and disconnect name it, even when --network gave an ID.
            container.networks.add(networks.find(spec.networkMode().equals("default") ? "bridge" : spec.networkMode()).name());
        }
        containers.add(container);
        return container;
    }

    /**
     * A CRI runtime's create: the container joins {@code oci}'s namespace (its pod sandbox's) instead
     * of libnetwork's networks, and its memory cgroup gets {@code oci}'s limit. The spec's network
     * mode must be {@code none}, as nothing of Docker's networking applies to it.
     */
    public Container create(ContainerSpec spec, OciLinux oci) {
        if (!spec.networkMode().equals("none")) {
            throw new IllegalArgumentException("a container in a given namespace takes network mode none, not "
                    + spec.networkMode());
        }
        Container container = create(spec);
        container.oci = oci;
        return container;
    }

    /**
     * Who hears that a container's process ended (a kubelet's PLEG, the engine's own --rm).
     * Serializable: listeners are kept, and a sandbox's checkpoint keeps them.
     */
    @FunctionalInterface
    public interface ExitListener extends java.util.function.Consumer<Container>, java.io.Serializable {
    }

    /** containerd's TaskExit events: {@code listener} hears every container whose process ended, after its state says so. */
    public void onExit(ExitListener listener) {
        runtime.onExit(listener);
    }

    /** The entrypoint then the command, each from the request if given, else from the image (moby's merge rules). */
    private static List<String> argv(ImageConfig config, ContainerSpec spec) {
        List<String> argv = new ArrayList<>();
        if (spec.entrypoint().isPresent()) {
            if (!spec.entrypoint().get().isEmpty()) {
                argv.add(spec.entrypoint().get());
            }
            argv.addAll(spec.command());
            return argv;
        }
        argv.addAll(config.entrypoint());
        argv.addAll(spec.command().isEmpty() ? config.cmd() : spec.command());
        return argv;
    }

    private List<Mount> mounts(ContainerSpec spec) {
        List<Mount> mounts = new ArrayList<>();
        for (String volume : spec.volumes()) {
            String[] parts = volume.split(":");
            if (parts.length < 2 || !parts[1].startsWith("/")) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid volume specification: '"
                        + volume + "'");
            }
            if (parts[0].startsWith("/")) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid mount config for type"
                        + " \"bind\": bind source path does not exist: " + parts[0]);
            }
            mounts.add(new Mount(volumes.create(parts[0]), parts[1]));
        }
        return mounts;
    }

    /** docker start: nothing happens to a running container; a manual start resets the restart count. */
    public Container start(String nameOrId) {
        Container c = containers.get(nameOrId);
        if (c.state().isRunning()) {
            return c;
        }
        c.manuallyStopped = false;
        c.restartCount = 0;
        c.restartManager = new RestartManager(c.spec().restartPolicy());
        runtime.run(c);
        return c;
    }

    /** docker stop [-t]: the image's STOPSIGNAL (SIGTERM by default), then SIGKILL after the timeout. */
    public Container stop(String nameOrId, Optional<Duration> timeout) {
        return stop(nameOrId, timeout, Optional.empty());
    }

    /**
     * docker stop [-s] [-t]: {@code signal} (else the image's STOPSIGNAL, else SIGTERM), then SIGKILL
     * once the timeout has passed; a negative timeout waits for as long as it takes.
     */
    public Container stop(String nameOrId, Optional<Duration> timeout, Optional<Signal> signal) {
        Container c = containers.get(nameOrId);
        Signal stopSignal = signal.orElse(Signal.parse(c.image().config().stopSignal()).orElse(Signal.SIGTERM));
        runtime.stop(c, stopSignal, timeout.orElse(DEFAULT_STOP_TIMEOUT));
        return c;
    }

    /** docker kill [-s]: a manual stop when the signal ends it; an error if the container is not running. */
    public Container kill(String nameOrId, Signal signal) {
        Container c = containers.get(nameOrId);
        if (c.state().status() != ContainerStatus.RUNNING) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "cannot kill container: " + nameOrId
                    + ": container " + c.id() + " is not running");
        }
        if (signal == Signal.SIGKILL) {
            c.manuallyStopped = true;
            c.restartManager.cancel();
        }
        runtime.deliver(c, signal);
        return c;
    }

    public Container restart(String nameOrId, Optional<Duration> timeout) {
        return restart(nameOrId, timeout, Optional.empty());
    }

    /** docker restart [-s] [-t]: a stop as {@link #stop(String, Optional, Optional)} does it, then a start. */
    public Container restart(String nameOrId, Optional<Duration> timeout, Optional<Signal> signal) {
        stop(nameOrId, timeout, signal);
        return start(nameOrId);
    }

    /** docker rm [-f]: a running container only with force; its named volumes stay. */
    public Container remove(String nameOrId, boolean force) {
        Container c = containers.get(nameOrId);
        if (c.state().isRunning() && !force) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "cannot remove container \"/" + c.name()
                    + "\": container is running: stop the container before removing or force remove");
        }
        if (c.state().isRunning()) {
            c.manuallyStopped = true;
            c.restartManager.cancel();
            if (c.state().status() == ContainerStatus.RESTARTING) {
                runtime.stop(c, Signal.SIGKILL, Duration.ZERO);
            } else {
                runtime.deliver(c, Signal.SIGKILL);
            }
        }
        c.state().removing();
        containers.remove(c);
        return c;
    }

    private void removeAfterExit(Container c) {
        containers.remove(c);
    }

    /**
     * docker exec: one command in the running container's files and namespace, its output going
     * to {@code out} as written; a long-running program goes on until it exits.
     */
    public Execution exec(String nameOrId, List<String> argv, String workingDir, OutputSink out) {
        Container c = containers.get(nameOrId);
        if (c.state().status() != ContainerStatus.RUNNING) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        return new ExecSession(c, runtime).start(argv, workingDir, out);
    }

    /**
     * docker exec -i/-t: as {@link #exec}, with stdin from the learner's terminal and maybe a TTY; a
     * shell then reads the lines the learner types until it exits (see {@link InteractiveExec}).
     *
     * @param hostname the container's hostname in the shell's prompt: its short ID, or its pod's name
     */
    public Execution execAttached(String nameOrId, List<String> argv, String workingDir, boolean stdin, boolean tty,
                                  String hostname, OutputSink out) {
        Container c = containers.get(nameOrId);
        if (c.state().status() != ContainerStatus.RUNNING) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        return new ExecSession(c, runtime).startAttached(argv, workingDir, stdin, tty,
                hostname.isEmpty() ? c.shortId() : hostname, out);
    }

    /**
     * docker run -it / -i of a shell: the learner's terminal becomes PID 1's stdin, so the shell
     * reads the lines typed next (see {@link InteractiveExec}); its exit is PID 1's, which stops the
     * container with that status (and removes it with {@code --rm}). Empty when PID 1 is not a
     * shell waiting for input (nginx, or a shell given a script): the run then follows its output.
     */
    public Optional<Execution> attachShell(Container c, OutputSink out) {
        ContainerProcess pid1 = c.pid1;
        if (!c.spec().openStdin() || !readsTerminal(c.argv()) || pid1 == null || pid1.exited()) {
            return Optional.empty();
        }
        return Optional.of(new ExecSession(c, runtime).startAttached(c.argv(), "", true, c.spec().tty(), c.shortId(), out))
                .map(session -> session instanceof InteractiveExec shell ? shell.whenEnded(pid1::exit) : session);
    }

    /** Whether this command, given a terminal, would read it line by line: a shell with no script ({@code sh}, {@code bash -l}). */
    public static boolean readsTerminal(List<String> argv) {
        return ExecSession.readsTerminal(argv);
    }

    /** docker network connect NETWORK CONTAINER. */
    public void connect(String network, String container) {
        new NetworkAttachments(networks, runtime).connect(network, containers, container);
    }

    /** docker network disconnect NETWORK CONTAINER. */
    public void disconnect(String network, String container) {
        new NetworkAttachments(networks, runtime).disconnect(network, containers, container);
    }

    /** docker commit: the writable layer as a new layer on the container's image. */
    public Image commit(String nameOrId, String comment) {
        Container c = containers.get(nameOrId);
        ImageConfig config = c.image().config();
        String createdBy = "/bin/sh -c #(nop) " + String.join(" ", c.argv());
        return images.buildCache().commit(c.image(), c.rootfs().changes(), config, createdBy, comment);
    }
}
