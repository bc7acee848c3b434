package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.RestartPolicy;
import org.laymanlabs.sandbox.container.network.PortMapping;

/**
 * The body of {@code POST /containers/create}: moby's Config with HostConfig and NetworkingConfig
 * (runconfig.decodeCreateRequest), turned into the parts of a {@link ContainerSpec} the sandbox's
 * engine honours. Mirrors what docker/cli's run.go sends for {@code -p}, {@code -v}, {@code -e},
 * {@code --network}, {@code --restart}, {@code --rm}, {@code --entrypoint} and {@code -w}.
 */
final class ContainerCreateRequest {

    private ContainerCreateRequest() {
    }

    static ContainerSpec read(HttpRequest request, String name) throws IOException {
        return read(JsonBody.read(request, "container.Config"), name);
    }

    /** From a container.Config already read (the caller needs its AttachStdin as well). */
    static ContainerSpec read(JsonBody config, String name) throws IOException {
        JsonBody host = config.child("HostConfig", "container.HostConfig");
        List<String> command = new ArrayList<>(config.strings("Cmd").orElse(List.of()));
        Optional<String> entrypoint = Optional.empty();
        Optional<List<String>> entry = config.strings("Entrypoint");
        if (entry.isPresent()) {
            // An entrypoint of several words: its first is the program, the rest go before the command.
            List<String> words = entry.get();
            entrypoint = Optional.of(words.isEmpty() ? "" : words.get(0));
            if (words.size() > 1) {
                command.addAll(0, words.subList(1, words.size()));
            }
        }
        String networkMode = host.string("NetworkMode");
        return new ContainerSpec(config.string("Image"), name, command, entrypoint,
                config.strings("Env").orElse(List.of()), config.string("WorkingDir"), ports(host),
                host.strings("Binds").orElse(List.of()), networkMode.isEmpty() ? "default" : networkMode,
                restartPolicy(host.child("RestartPolicy", "container.RestartPolicy")), host.bool("AutoRemove"),
                config.bool("Tty"), config.bool("OpenStdin"));
    }

    /** HostConfig.PortBindings: {@code {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}; an empty HostPort is any free port. */
    private static List<PortMapping> ports(JsonBody host) {
        List<PortMapping> ports = new ArrayList<>();
        JsonNode bindings = host.node("PortBindings");
        for (String key : host.keys("PortBindings")) {
            PortMapping container = parse(key);
            JsonNode list = bindings.path(key);
            if (!list.isArray() || list.isEmpty()) {
                ports.add(container);
                continue;
            }
            for (JsonNode binding : list) {
                String hostPort = binding.path("HostPort").asText("");
                String hostIp = binding.path("HostIp").asText("");
                ports.add(parse((hostIp.isEmpty() ? "" : hostIp + ":") + hostPort + ":" + key));
            }
        }
        return ports;
    }

    private static PortMapping parse(String spec) {
        try {
            return PortMapping.parse(spec);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static RestartPolicy restartPolicy(JsonBody policy) {
        String name = policy.string("Name");
        long retries = policy.number("MaximumRetryCount");
        try {
            return RestartPolicy.parse(retries > 0 ? name + ":" + retries : name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
