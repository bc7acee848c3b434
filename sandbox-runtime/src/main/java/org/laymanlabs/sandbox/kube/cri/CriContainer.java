package org.laymanlabs.sandbox.kube.cri;

import java.time.Instant;
import java.util.Optional;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.image.Image;

/**
 * One container as containerd's CRI plugin reports it (runtime.v1 ContainerStatus): its
 * metadata (name, attempt), its sandbox, the image as the kubelet asked for it and the image it
 * resolved to, and its state with containerd's reason for an exit.
 */
public final class CriContainer {

    /** runtime.v1 ContainerState. */
    public enum State { CONTAINER_CREATED, CONTAINER_RUNNING, CONTAINER_EXITED, CONTAINER_UNKNOWN }

    private final Container container;
    private final String sandboxId;
    private final ContainerConfig config;
    private final Image image;
    private final String imageRef;
    private Optional<String> startError = Optional.empty();

    CriContainer(Container container, String sandboxId, ContainerConfig config, Image image, String imageRef) {
        this.container = container;
        this.sandboxId = sandboxId;
        this.config = config;
        this.image = image;
        this.imageRef = imageRef;
    }

    public String id() {
        return container.id();
    }

    public String sandboxId() {
        return sandboxId;
    }

    public String name() {
        return config.name();
    }

    public int attempt() {
        return config.attempt();
    }

    public ContainerConfig config() {
        return config;
    }

    /** The image as the kubelet gave it, e.g. {@code nginx:1.27}. */
    public String imageSpec() {
        return config.image();
    }

    public Image image() {
        return image;
    }

    /** The repository digest it resolved to, e.g. {@code docker.io/library/nginx@sha256:…}. */
    public String imageRef() {
        return imageRef;
    }

    /** The engine's container: its process, log and files. */
    public Container container() {
        return container;
    }

    public Instant created() {
        return container.created();
    }

    public State state() {
        if (startError.isPresent()) {
            return State.CONTAINER_EXITED;
        }
        ContainerStatus status = container.state().status();
        return switch (status) {
            case CREATED -> State.CONTAINER_CREATED;
            case RUNNING, PAUSED, RESTARTING -> State.CONTAINER_RUNNING;
            case EXITED, DEAD, REMOVING -> State.CONTAINER_EXITED;
        };
    }

    public Optional<Instant> startedAt() {
        return startError.isPresent() ? Optional.empty() : container.state().startedAt();
    }

    public Optional<Instant> finishedAt() {
        return startError.isPresent() ? Optional.of(container.created()) : container.state().finishedAt();
    }

    public int exitCode() {
        return startError.isPresent() ? 128 : container.state().exitCode();
    }

    /** containerd's reason: OOMKilled, Completed for status 0, Error otherwise; StartError when it never ran. */
    public String reason() {
        if (startError.isPresent()) {
            return "StartError";
        }
        if (container.state().oomKilled()) {
            return "OOMKilled";
        }
        return exitCode() == 0 ? "Completed" : "Error";
    }

    /** Why it failed to start, in containerd's words. */
    public Optional<String> message() {
        return startError;
    }

    void failedToStart(String message) {
        startError = Optional.of(message);
    }
}
