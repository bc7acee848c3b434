package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/**
 * Mirrors describePod, describeVolumes and DescribePodTemplate in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go; containers are {@link ContainerDescriber}'s.
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
            ContainerDescriber.describe("Init Containers", spec.getInitContainers(), status.getInitContainerStatuses(), w, "");
        }
        ContainerDescriber.describe("Containers", spec.getContainers(), status.getContainerStatuses(), w, "");
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
            ContainerDescriber.describe("Init Containers", spec.getInitContainers(), List.of(), w, "  ");
        }
        ContainerDescriber.describe("Containers", spec.getContainers(), List.of(), w, "  ");
        volumes(spec.getVolumes(), w, "  ");
        if (spec.getPriorityClassName() != null && !spec.getPriorityClassName().isEmpty()) {
            w.write(1, "Priority Class Name:\t" + spec.getPriorityClassName() + "\n");
        }
        w.labels("  Node-Selectors", spec.getNodeSelector());
        w.tolerations("  Tolerations", spec.getTolerations());
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
