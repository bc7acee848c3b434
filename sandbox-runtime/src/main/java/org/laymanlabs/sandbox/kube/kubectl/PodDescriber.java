package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Mirrors describePod, describeContainers, describeVolumes and DescribePodTemplate in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go.
 */
final class PodDescriber {

    private PodDescriber() {
    }

    static String describe(Pod pod, List<io.fabric8.kubernetes.api.model.Event> events, java.time.Instant now) {
        DescribeWriter w = new DescribeWriter();
        var spec = pod.getSpec();
        var status = pod.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : pod.getStatus();
        w.write(0, "Name:\t" + pod.getMetadata().getName() + "\n");
        w.write(0, "Namespace:\t" + pod.getMetadata().getNamespace() + "\n");
        if (spec.getPriority() != null) {
            w.write(0, "Priority:\t" + spec.getPriority() + "\n");
        }
        if (spec.getPriorityClassName() != null && !spec.getPriorityClassName().isEmpty()) {
            w.write(0, "Priority Class Name:\t" + spec.getPriorityClassName() + "\n");
        }
        if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
            w.write(0, "Service Account:\t" + spec.getServiceAccountName() + "\n");
        }
        w.write(0, spec.getNodeName() == null || spec.getNodeName().isEmpty() ? "Node:\t<none>\n"
                : "Node:\t" + spec.getNodeName() + "/" + ClusterRows.nz(status.getHostIP()) + "\n");
        if (status.getStartTime() != null) {
            w.write(0, "Start Time:\t" + DescribeWriter.time(status.getStartTime()) + "\n");
        }
        w.labels("Labels", pod.getMetadata().getLabels());
        w.annotations("Annotations", pod.getMetadata().getAnnotations());
        String phase = ClusterRows.nz(status.getPhase());
        if (pod.getMetadata().getDeletionTimestamp() != null && !phase.equals("Failed") && !phase.equals("Succeeded")) {
            w.write(0, "Status:\tTerminating (lasts " + Age.since(pod.getMetadata().getDeletionTimestamp(), now) + ")\n");
            w.write(0, "Termination Grace Period:\t" + pod.getMetadata().getDeletionGracePeriodSeconds() + "s\n");
        } else {
            w.write(0, "Status:\t" + phase + "\n");
        }
        if (status.getReason() != null && !status.getReason().isEmpty()) {
            w.write(0, "Reason:\t" + status.getReason() + "\n");
        }
        if (status.getMessage() != null && !status.getMessage().isEmpty()) {
            w.write(0, "Message:\t" + status.getMessage() + "\n");
        }
        w.write(0, "IP:\t" + ClusterRows.nz(status.getPodIP()) + "\n");
        if (status.getPodIPs().isEmpty()) {
            w.write(0, "IPs:\t<none>\n");
        } else {
            w.write(0, "IPs:\n");
            status.getPodIPs().forEach(ip -> w.write(1, "IP:\t" + ip.getIp() + "\n"));
        }
        controller(pod.getMetadata().getOwnerReferences()).ifPresent(c -> w.write(0, "Controlled By:\t" + c + "\n"));
        if (status.getNominatedNodeName() != null && !status.getNominatedNodeName().isEmpty()) {
            w.write(0, "NominatedNodeName:\t" + status.getNominatedNodeName() + "\n");
        }
        if (!spec.getInitContainers().isEmpty()) {
            containers("Init Containers", spec.getInitContainers(), status.getInitContainerStatuses(), w, "");
        }
        containers("Containers", spec.getContainers(), status.getContainerStatuses(), w, "");
        if (!status.getConditions().isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\n");
            for (PodCondition c : status.getConditions()) {
                w.write(1, c.getType() + " \t" + c.getStatus() + " \n");
            }
        }
        volumes(spec.getVolumes(), w, "");
        w.write(0, "QoS Class:\t" + ClusterRows.nz(status.getQosClass()) + "\n");
        w.labels("Node-Selectors", spec.getNodeSelector());
        w.tolerations("Tolerations", spec.getTolerations());
        DescribeEvents.write(events, w, now);
        return w.render();
    }

    static java.util.Optional<String> controller(List<OwnerReference> owners) {
        return owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst()
                .map(o -> o.getKind() + "/" + o.getName());
    }

    /** DescribePodTemplate, as deployments and replica sets show their pods. */
    static void template(PodTemplateSpec template, DescribeWriter w) {
        w.write(0, "Pod Template:\n");
        var meta = template.getMetadata();
        w.labels("  Labels", meta == null ? null : meta.getLabels());
        if (meta != null && meta.getAnnotations() != null && !meta.getAnnotations().isEmpty()) {
            w.annotations("  Annotations", meta.getAnnotations());
        }
        var spec = template.getSpec();
        if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
            w.write(1, "Service Account:\t" + spec.getServiceAccountName() + "\n");
        }
        if (!spec.getInitContainers().isEmpty()) {
            containers("Init Containers", spec.getInitContainers(), List.of(), w, "  ");
        }
        containers("Containers", spec.getContainers(), List.of(), w, "  ");
        volumes(spec.getVolumes(), w, "  ");
        if (spec.getPriorityClassName() != null && !spec.getPriorityClassName().isEmpty()) {
            w.write(1, "Priority Class Name:\t" + spec.getPriorityClassName() + "\n");
        }
        w.labels("  Node-Selectors", spec.getNodeSelector());
        w.tolerations("  Tolerations", spec.getTolerations());
    }

    private static void containers(String label, List<Container> containers, List<ContainerStatus> statuses, DescribeWriter w,
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

    static void volumes(List<Volume> volumes, DescribeWriter w, String space) {
        if (volumes.isEmpty()) {
            w.write(0, space + "Volumes:\t<none>\n");
            return;
        }
        w.write(0, space + "Volumes:\n");
        for (Volume v : volumes) {
            w.write(1, (space.isEmpty() ? "" : " ") + v.getName() + ":\n");
            if (v.getHostPath() != null) {
                w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + v.getHostPath().getPath()
                        + "\n    HostPathType:\t" + ClusterRows.nz(v.getHostPath().getType()) + "\n");
            } else if (v.getEmptyDir() != null) {
                var limit = v.getEmptyDir().getSizeLimit();
                w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t"
                        + ClusterRows.nz(v.getEmptyDir().getMedium()) + "\n    SizeLimit:\t" + (limit == null ? "<unset>" : limit.toString()) + "\n");
            } else if (v.getSecret() != null) {
                w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t" + v.getSecret().getSecretName()
                        + "\n    Optional:\t" + Boolean.TRUE.equals(v.getSecret().getOptional()) + "\n");
            } else if (v.getConfigMap() != null) {
                w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t" + v.getConfigMap().getName()
                        + "\n    Optional:\t" + Boolean.TRUE.equals(v.getConfigMap().getOptional()) + "\n");
            } else if (v.getPersistentVolumeClaim() != null) {
                w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t"
                        + v.getPersistentVolumeClaim().getClaimName() + "\n    ReadOnly:\t"
                        + Boolean.TRUE.equals(v.getPersistentVolumeClaim().getReadOnly()) + "\n");
            } else if (v.getProjected() != null) {
                w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
                for (var source : v.getProjected().getSources()) {
                    if (source.getSecret() != null) {
                        w.write(2, "SecretName:\t" + source.getSecret().getName() + "\n    Optional:\t"
                                + Boolean.TRUE.equals(source.getSecret().getOptional()) + "\n");
                    } else if (source.getDownwardAPI() != null) {
                        w.write(2, "DownwardAPI:\ttrue\n");
                    } else if (source.getConfigMap() != null) {
                        w.write(2, "ConfigMapName:\t" + source.getConfigMap().getName() + "\n    ConfigMapOptional:\t"
                                + (source.getConfigMap().getOptional() == null ? "<nil>" : source.getConfigMap().getOptional()) + "\n");
                    } else if (source.getServiceAccountToken() != null) {
                        w.write(2, "TokenExpirationSeconds:\t" + source.getServiceAccountToken().getExpirationSeconds() + "\n");
                    }
                }
            } else {
                w.write(1, "<unknown>\n");
            }
        }
    }

}
