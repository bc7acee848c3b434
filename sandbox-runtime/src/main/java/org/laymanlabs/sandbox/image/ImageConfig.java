package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an image tells a container to do by default. Mirrors the OCI image config's {@code config}
 * object (User, ExposedPorts, Env, Entrypoint, Cmd, Volumes, WorkingDir, Labels, StopSignal).
 * An empty list or string means "not set", as Go's {@code omitempty} treats it.
 *
 * @param exposedPorts such as {@code 80/tcp}, in the order the image declares them
 * @param volumes      mount points such as {@code /data}
 */
public record ImageConfig(String user, List<String> exposedPorts, List<String> env, List<String> entrypoint,
                          List<String> cmd, List<String> volumes, String workingDir,
                          SortedMap<String, String> labels, String stopSignal) {

    private static final ImageConfig EMPTY =
            new ImageConfig("", List.of(), List.of(), List.of(), List.of(), List.of(), "", new TreeMap<>(), "");

    public ImageConfig {
        exposedPorts = List.copyOf(exposedPorts);
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        volumes = List.copyOf(volumes);
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public static ImageConfig empty() {
        return EMPTY;
    }

    public ImageConfig withUser(String value) {
        return new ImageConfig(value, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withExposedPort(String port) {
        List<String> ports = new ArrayList<>(exposedPorts);
        if (!ports.contains(port)) {
            ports.add(port);
        }
        return new ImageConfig(user, ports, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    /** Sets {@code NAME=value}, replacing an earlier value of the same name in place, as {@code ENV} does. */
    public ImageConfig withEnv(String name, String value) {
        List<String> vars = new ArrayList<>(env);
        int at = -1;
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).startsWith(name + "=")) {
                at = i;
            }
        }
        if (at >= 0) {
            vars.set(at, name + "=" + value);
        } else {
            vars.add(name + "=" + value);
        }
        return new ImageConfig(user, exposedPorts, vars, entrypoint, cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withEntrypoint(String... args) {
        return new ImageConfig(user, exposedPorts, env, Arrays.asList(args), cmd, volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withCmd(String... args) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, Arrays.asList(args), volumes, workingDir, labels, stopSignal);
    }

    public ImageConfig withVolume(String path) {
        List<String> all = new ArrayList<>(volumes);
        all.add(path);
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, all, workingDir, labels, stopSignal);
    }

    public ImageConfig withWorkingDir(String dir) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, dir, labels, stopSignal);
    }

    public ImageConfig withLabel(String key, String value) {
        SortedMap<String, String> all = new TreeMap<>(labels);
        all.put(key, value);
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, all, stopSignal);
    }

    public ImageConfig withStopSignal(String signal) {
        return new ImageConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, signal);
    }
}
