package org.laymanlabs.sandbox.kube.cri;

import java.util.List;
import java.util.Objects;

/**
 * What the kubelet asks CreateContainer for (runtime.v1 ContainerConfig), after it resolved the
 * pod spec: the container's name and attempt, its image, Kubernetes' command (the entrypoint) and
 * args (the cmd), its environment, working directory and memory limit.
 *
 * @param command     replaces the image's ENTRYPOINT when not empty (and then its CMD too)
 * @param args        replaces the image's CMD when not empty
 * @param env         NAME=value, after the image's own
 * @param memoryLimit bytes, 0 for none
 */
public record ContainerConfig(String name, int attempt, String image, List<String> command, List<String> args,
                              List<String> env, String workingDir, long memoryLimit) {

    public ContainerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
    }
}
