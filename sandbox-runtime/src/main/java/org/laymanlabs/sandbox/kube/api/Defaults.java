package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors the defaulting functions of pkg/apis/core/v1/defaults.go and apps/v1/defaults.go, plus
 * the admission plugins that fill in a pod (ServiceAccount, DefaultTolerationSeconds), so that
 * {@code kubectl get -o yaml} shows the fields a real cluster adds.
 */
public final class Defaults {

    private Defaults() {
    }

    public static void apply(HasMetadata object) {
        if (object instanceof Pod pod) {
            if (pod.getSpec() != null) {
                podSpec(pod.getSpec());
                admitPod(pod.getSpec());
            }
        } else if (object instanceof Deployment d && d.getSpec() != null) {
            deployment(d.getSpec());
        } else if (object instanceof ReplicaSet rs && rs.getSpec() != null) {
            if (rs.getSpec().getReplicas() == null) {
                rs.getSpec().setReplicas(1);
            }
            template(rs.getSpec().getTemplate());
        } else if (object instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet ds && ds.getSpec() != null) {
            template(ds.getSpec().getTemplate());
            if (ds.getSpec().getRevisionHistoryLimit() == null) {
                ds.getSpec().setRevisionHistoryLimit(10);
            }
        } else if (object instanceof io.fabric8.kubernetes.api.model.batch.v1.Job job && job.getSpec() != null) {
            job(job.getSpec());
        } else if (object instanceof Service svc && svc.getSpec() != null) {
            service(svc.getSpec());
        } else if (object instanceof io.fabric8.kubernetes.api.model.Secret secret
                && (secret.getType() == null || secret.getType().isEmpty())) {
            // SetDefaults_Secret: a Secret without a type is Opaque, as kubectl get shows it.
            secret.setType("Opaque");
        }
    }

    private static void deployment(DeploymentSpec spec) {
        if (spec.getReplicas() == null) {
            spec.setReplicas(1);
        }
        if (spec.getStrategy() == null) {
            spec.setStrategy(new DeploymentStrategy());
        }
        if (spec.getStrategy().getType() == null) {
            spec.getStrategy().setType("RollingUpdate");
        }
        if (spec.getStrategy().getType().equals("RollingUpdate")) {
            RollingUpdateDeployment rolling = spec.getStrategy().getRollingUpdate();
            if (rolling == null) {
                rolling = new RollingUpdateDeployment();
                spec.getStrategy().setRollingUpdate(rolling);
            }
            if (rolling.getMaxSurge() == null) {
                rolling.setMaxSurge(new IntOrString("25%"));
            }
            if (rolling.getMaxUnavailable() == null) {
                rolling.setMaxUnavailable(new IntOrString("25%"));
            }
        }
        if (spec.getRevisionHistoryLimit() == null) {
            spec.setRevisionHistoryLimit(10);
        }
        if (spec.getProgressDeadlineSeconds() == null) {
            spec.setProgressDeadlineSeconds(600);
        }
        template(spec.getTemplate());
    }

    /** SetDefaults_Job; the selector itself is generated from the uid when the Job is created. */
    private static void job(io.fabric8.kubernetes.api.model.batch.v1.JobSpec spec) {
        if (spec.getCompletions() == null && spec.getParallelism() == null) {
            spec.setCompletions(1);
        }
        if (spec.getParallelism() == null) {
            spec.setParallelism(1);
        }
        if (spec.getBackoffLimit() == null) {
            spec.setBackoffLimit(6);
        }
        if (spec.getCompletionMode() == null) {
            spec.setCompletionMode("NonIndexed");
        }
        if (spec.getSuspend() == null) {
            spec.setSuspend(false);
        }
        if (spec.getPodReplacementPolicy() == null) {
            spec.setPodReplacementPolicy("TerminatingOrFailed");
        }
        template(spec.getTemplate());
    }

    private static void template(PodTemplateSpec template) {
        if (template != null && template.getSpec() != null) {
            podSpec(template.getSpec());
        }
    }

    /** SetDefaults_PodSpec and SetDefaults_Container. */
    static void podSpec(PodSpec spec) {
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getDnsPolicy() == null) {
            spec.setDnsPolicy("ClusterFirst");
        }
        if (spec.getSchedulerName() == null) {
            spec.setSchedulerName("default-scheduler");
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(30L);
        }
        if (spec.getSecurityContext() == null) {
            spec.setSecurityContext(new PodSecurityContext());
        }
        for (Container container : spec.getContainers() == null ? List.<Container>of() : spec.getContainers()) {
            container(container);
        }
    }

    private static void container(Container container) {
        if (container.getImagePullPolicy() == null && container.getImage() != null) {
            container.setImagePullPolicy(latest(container.getImage()) ? "Always" : "IfNotPresent");
        }
        if (container.getTerminationMessagePath() == null) {
            container.setTerminationMessagePath("/dev/termination-log");
        }
        if (container.getTerminationMessagePolicy() == null) {
            container.setTerminationMessagePolicy("File");
        }
        var resources = container.getResources();
        if (resources != null && resources.getLimits() != null && !resources.getLimits().isEmpty()) {
            // SetDefaults_ResourceList: a limit with no request requests the limit.
            var requests = new java.util.LinkedHashMap<>(resources.getRequests() == null ? java.util.Map.of() : resources.getRequests());
            resources.getLimits().forEach(requests::putIfAbsent);
            resources.setRequests(requests);
        }
        for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
            if (port.getProtocol() == null) {
                port.setProtocol("TCP");
            }
        }
        java.util.stream.Stream.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())
                .filter(java.util.Objects::nonNull).forEach(Defaults::probe);
    }

    /** SetDefaults_Probe and SetDefaults_HTTPGetAction: Go's zero value, like an absent field, takes the default. */
    private static void probe(io.fabric8.kubernetes.api.model.Probe probe) {
        probe.setTimeoutSeconds(orDefault(probe.getTimeoutSeconds(), 1));
        probe.setPeriodSeconds(orDefault(probe.getPeriodSeconds(), 10));
        probe.setSuccessThreshold(orDefault(probe.getSuccessThreshold(), 1));
        probe.setFailureThreshold(orDefault(probe.getFailureThreshold(), 3));
        var get = probe.getHttpGet();
        if (get != null && (get.getPath() == null || get.getPath().isEmpty())) {
            get.setPath("/");
        }
        if (get != null && (get.getScheme() == null || get.getScheme().isEmpty())) {
            get.setScheme("HTTP");
        }
    }

    private static int orDefault(Integer value, int defaultValue) {
        return value == null || value == 0 ? defaultValue : value;
    }

    /** An image with no tag, or the tag "latest" and no digest, is pulled every time. */
    static boolean latest(String image) {
        if (image.contains("@")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon <= slash || image.substring(colon + 1).equals("latest");
    }

    /** The pod-creation admission plugins that run on every kubeadm cluster. */
    private static void admitPod(PodSpec spec) {
        if (spec.getServiceAccountName() == null) {
            spec.setServiceAccountName("default");
            spec.setServiceAccount("default");
        }
        if (spec.getEnableServiceLinks() == null) {
            spec.setEnableServiceLinks(true);
        }
        if (spec.getPreemptionPolicy() == null) {
            spec.setPreemptionPolicy("PreemptLowerPriority");
        }
        if (spec.getPriority() == null) {
            spec.setPriority(0);
        }
        List<Toleration> tolerations = new ArrayList<>(spec.getTolerations() == null ? List.of() : spec.getTolerations());
        for (String taint : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            if (tolerations.stream().noneMatch(t -> taint.equals(t.getKey()))) {
                tolerations.add(new Toleration("NoExecute", taint, "Exists", 300L, null));
            }
        }
        spec.setTolerations(tolerations);
    }

    /** SetDefaults_Service: ClusterIP type, TCP ports, targetPort = port. */
    private static void service(ServiceSpec spec) {
        if (spec.getType() == null) {
            spec.setType("ClusterIP");
        }
        if (spec.getSessionAffinity() == null) {
            spec.setSessionAffinity("None");
        }
        if (spec.getInternalTrafficPolicy() == null) {
            spec.setInternalTrafficPolicy("Cluster");
        }
        if (List.of("NodePort", "LoadBalancer").contains(spec.getType()) && spec.getExternalTrafficPolicy() == null) {
            spec.setExternalTrafficPolicy("Cluster");
        }
        if ("LoadBalancer".equals(spec.getType()) && spec.getAllocateLoadBalancerNodePorts() == null) {
            spec.setAllocateLoadBalancerNodePorts(true);
        }
        for (ServicePort port : spec.getPorts() == null ? List.<ServicePort>of() : spec.getPorts()) {
            if (port.getProtocol() == null) {
                port.setProtocol("TCP");
            }
            if (port.getTargetPort() == null && port.getPort() != null) {
                port.setTargetPort(new IntOrString(port.getPort()));
            }
        }
    }
}
