package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Mirrors describeContainers in staging/src/k8s.io/kubectl/pkg/describe/describe.go: each
 * container's image, ports, command, state and last state, resources, probes, environment and
 * mounts.
 */
final class ContainerDescriber {

    private ContainerDescriber() {
    }

    static void describe(String label, List<Container> containers, List<ContainerStatus> statuses, DescribeWriter w,
                                   String space) {
        Map<String, ContainerStatus> byName = new HashMap<>();
        statuses.forEach(s -> byName.put(s.getName(), s));
        w.write(0, space + label + ":" + (containers.isEmpty() ? " <none>" : "") + "\n");
        for (Container c : containers) {
            ContainerStatus status = byName.get(c.getName());
            w.write(1, (space.isEmpty() ? "" : " ") + c.getName() + ":\n");
            if (status != null) {
                w.write(2, "Container ID:\t" + ClusterRows.nz(status.getContainerID()) + "\n");
            }
            w.write(2, "Image:\t" + ClusterRows.nz(c.getImage()) + "\n");
            if (status != null) {
                w.write(2, "Image ID:\t" + ClusterRows.nz(status.getImageID()) + "\n");
            }
            String ports = c.getPorts().stream().map(p -> p.getContainerPort() + "/" + p.getProtocol()).collect(Collectors.joining(", "));
            w.write(2, (ports.contains(",") ? "Ports:\t" : "Port:\t") + DescribeWriter.orNone(ports) + "\n");
            String hostPorts = c.getPorts().stream().map(p -> (p.getHostPort() == null ? 0 : p.getHostPort()) + "/" + p.getProtocol())
                    .collect(Collectors.joining(", "));
            w.write(2, (hostPorts.contains(",") ? "Host Ports:\t" : "Host Port:\t") + DescribeWriter.orNone(hostPorts) + "\n");
            if (!c.getCommand().isEmpty()) {
                w.write(2, "Command:\n");
                c.getCommand().forEach(s -> s.lines().forEach(l -> w.write(3, l + "\n")));
            }
            if (!c.getArgs().isEmpty()) {
                w.write(2, "Args:\n");
                c.getArgs().forEach(s -> s.lines().forEach(l -> w.write(3, l + "\n")));
            }
            if (status != null) {
                state("State", status.getState(), w);
                if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
                    state("Last State", status.getLastState(), w);
                }
                w.write(2, "Ready:\t" + (Boolean.TRUE.equals(status.getReady()) ? "True" : "False") + "\n");
                w.write(2, "Restart Count:\t" + (status.getRestartCount() == null ? 0 : status.getRestartCount()) + "\n");
            }
            resources(c.getResources(), w);
            probe("Liveness", c.getLivenessProbe(), w);
            probe("Readiness", c.getReadinessProbe(), w);
            probe("Startup", c.getStartupProbe(), w);
            environment(c, w);
            mounts(c, w);
        }
    }

    private static void state(String name, ContainerState state, DescribeWriter w) {
        if (state != null && state.getRunning() != null) {
            w.write(2, name + ":\tRunning\n");
            w.write(3, "Started:\t" + DescribeWriter.time(state.getRunning().getStartedAt()) + "\n");
        } else if (state != null && state.getWaiting() != null) {
            w.write(2, name + ":\tWaiting\n");
            if (state.getWaiting().getReason() != null && !state.getWaiting().getReason().isEmpty()) {
                w.write(3, "Reason:\t" + state.getWaiting().getReason() + "\n");
            }
        } else if (state != null && state.getTerminated() != null) {
            var t = state.getTerminated();
            w.write(2, name + ":\tTerminated\n");
            if (t.getReason() != null && !t.getReason().isEmpty()) {
                w.write(3, "Reason:\t" + t.getReason() + "\n");
            }
            if (t.getMessage() != null && !t.getMessage().isEmpty()) {
                w.write(3, "Message:\t" + t.getMessage() + "\n");
            }
            w.write(3, "Exit Code:\t" + t.getExitCode() + "\n");
            if (t.getSignal() != null && t.getSignal() > 0) {
                w.write(3, "Signal:\t" + t.getSignal() + "\n");
            }
            w.write(3, "Started:\t" + DescribeWriter.time(t.getStartedAt()) + "\n");
            w.write(3, "Finished:\t" + DescribeWriter.time(t.getFinishedAt()) + "\n");
        } else {
            w.write(2, name + ":\tWaiting\n");
        }
    }

    private static void resources(ResourceRequirements resources, DescribeWriter w) {
        if (resources == null) {
            return;
        }
        quantities("Limits", resources.getLimits(), w);
        quantities("Requests", resources.getRequests(), w);
    }

    private static void quantities(String title, Map<String, Quantity> values, DescribeWriter w) {
        if (values == null || values.isEmpty()) {
            return;
        }
        w.write(2, title + ":\n");
        new TreeMap<>(values).forEach((name, q) -> w.write(3, name + ":\t" + q.toString() + "\n"));
    }

    private static void probe(String title, Probe probe, DescribeWriter w) {
        if (probe == null) {
            return;
        }
        String attrs = "delay=" + n(probe.getInitialDelaySeconds()) + "s timeout=" + n(probe.getTimeoutSeconds()) + "s period="
                + n(probe.getPeriodSeconds()) + "s #success=" + n(probe.getSuccessThreshold()) + " #failure=" + n(probe.getFailureThreshold());
        String what;
        if (probe.getExec() != null) {
            what = "exec [" + String.join(" ", probe.getExec().getCommand()) + "] " + attrs;
        } else if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            String scheme = get.getScheme() == null ? "" : get.getScheme().toLowerCase(java.util.Locale.ROOT);
            String port = get.getPort() == null ? "" : get.getPort().getIntVal() != null ? get.getPort().getIntVal().toString() : get.getPort().getStrVal();
            what = "http-get " + scheme + "://" + ClusterRows.nz(get.getHost()) + ":" + port + ClusterRows.nz(get.getPath()) + " " + attrs;
        } else if (probe.getTcpSocket() != null) {
            var port = probe.getTcpSocket().getPort();
            what = "tcp-socket " + ClusterRows.nz(probe.getTcpSocket().getHost()) + ":"
                    + (port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal()) + " " + attrs;
        } else {
            what = "unknown " + attrs;
        }
        w.write(2, title + ":\t" + what + "\n");
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private static void environment(Container c, DescribeWriter w) {
        if (!c.getEnvFrom().isEmpty()) {
            w.write(2, "Environment Variables from:\n");
            for (var from : c.getEnvFrom()) {
                boolean configMap = from.getConfigMapRef() != null;
                String name = configMap ? from.getConfigMapRef().getName() : from.getSecretRef() == null ? "" : from.getSecretRef().getName();
                Boolean optional = configMap ? from.getConfigMapRef().getOptional() : from.getSecretRef() == null ? null : from.getSecretRef().getOptional();
                String kind = configMap ? "ConfigMap" : "Secret";
                w.write(3, name + "\t" + kind + (from.getPrefix() == null || from.getPrefix().isEmpty() ? "" : " with prefix '" + from.getPrefix() + "'")
                        + "\tOptional: " + Boolean.TRUE.equals(optional) + "\n");
            }
        }
        w.write(2, "Environment:" + (c.getEnv().isEmpty() ? "\t<none>" : "") + "\n");
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() == null) {
                String[] lines = ClusterRows.nz(e.getValue()).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    w.write(3, (i == 0 ? e.getName() + ":" : "") + "\t" + lines[i] + "\n");
                }
            } else if (e.getValueFrom().getFieldRef() != null) {
                var ref = e.getValueFrom().getFieldRef();
                w.write(3, e.getName() + ":\t (" + ref.getApiVersion() + ":" + ref.getFieldPath() + ")\n");
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                w.write(3, e.getName() + ":\t<set to the key '" + ref.getKey() + "' in secret '" + ref.getName() + "'>\tOptional: "
                        + Boolean.TRUE.equals(ref.getOptional()) + "\n");
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                w.write(3, e.getName() + ":\t<set to the key '" + ref.getKey() + "' of config map '" + ref.getName() + "'>\tOptional: "
                        + Boolean.TRUE.equals(ref.getOptional()) + "\n");
            }
        }
    }

    private static void mounts(Container c, DescribeWriter w) {
        w.write(2, "Mounts:" + (c.getVolumeMounts().isEmpty() ? "\t<none>" : "") + "\n");
        c.getVolumeMounts().stream().sorted(Comparator.comparing(VolumeMount::getMountPath)).forEach(m -> {
            String flags = Boolean.TRUE.equals(m.getReadOnly()) ? "ro" : "rw";
            if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
                flags += ",path=\"" + m.getSubPath() + "\"";
            }
            w.write(3, m.getMountPath() + " from " + m.getName() + " (" + flags + ")\n");
        });
    }
}
