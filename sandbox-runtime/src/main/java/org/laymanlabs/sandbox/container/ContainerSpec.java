package org.laymanlabs.sandbox.container;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.container.network.PortMapping;

/**
 * What {@code docker create} and {@code docker run} ask for, after the CLI parsed its flags: the
 * parts of the Engine API's Config and HostConfig the sandbox honours.
 *
 * @param image       the image as typed, such as {@code nginx}
 * @param name        {@code --name}, or empty for a generated one
 * @param command     the command after the image, replacing the image's CMD when not empty
 * @param entrypoint  {@code --entrypoint}, replacing the image's ENTRYPOINT (and dropping its CMD)
 * @param env         {@code -e NAME=value}, added after the image's environment
 * @param volumes     {@code -v name:/path}
 * @param networkMode {@code --network}: {@code bridge} (the default), {@code host}, {@code none} or a network's name
 */
public record ContainerSpec(String image, String name, List<String> command, Optional<String> entrypoint,
                            List<String> env, String workingDir, List<PortMapping> ports, List<String> volumes,
                            String networkMode, RestartPolicy restartPolicy, boolean autoRemove, boolean tty,
                            boolean openStdin) {

    public ContainerSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
    }

    /** The simplest request: the image with its own command, on the default bridge. */
    public static ContainerSpec of(String image, List<String> command) {
        return new ContainerSpec(image, "", command, Optional.empty(), List.of(), "", List.of(), List.of(), "bridge",
                RestartPolicy.NO, false, false, false);
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, command, entrypoint, env, workingDir, ports, volumes, networkMode,
                restartPolicy, autoRemove, tty, openStdin);
    }
}
