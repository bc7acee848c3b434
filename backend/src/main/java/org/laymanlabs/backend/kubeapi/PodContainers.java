package org.laymanlabs.backend.kubeapi;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;

/**
 * The pod, container and kubelet a pods/log or pods/exec request reaches, as kube-apiserver's pod
 * registry finds them before it proxies to the node (pkg/registry/core/pod/strategy.go
 * ResourceLocation and LogLocation), with its errors.
 */
final class PodContainers {

    private PodContainers() {
    }

    static Pod pod(Sandbox sandbox, ResourcePath at) {
        return sandbox.cluster().api().get(Pod.class, at.namespace(), at.name())
                .orElseThrow(() -> ApiException.notFound(ApiResources.PODS, at.name()));
    }

    /** The named container, or the only one; a pod of several needs a name. */
    static String container(Pod pod, String given) {
        List<String> names = Stream.concat(pod.getSpec().getContainers().stream(), pod.getSpec().getInitContainers().stream())
                .map(Container::getName).toList();
        String podName = pod.getMetadata().getName();
        if (given == null || given.isEmpty()) {
            if (pod.getSpec().getContainers().size() == 1) {
                return pod.getSpec().getContainers().get(0).getName();
            }
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "a container name must be specified for pod " + podName
                    + ", choose one of: [" + pod.getSpec().getContainers().stream().map(Container::getName)
                    .collect(Collectors.joining(" ")) + "]" + (pod.getSpec().getInitContainers().isEmpty() ? ""
                    : " or one of the init containers: [" + pod.getSpec().getInitContainers().stream().map(Container::getName)
                    .collect(Collectors.joining(" ")) + "]"));
        }
        if (!names.contains(given)) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "container " + given + " is not valid for pod " + podName);
        }
        return given;
    }

    /** The node's kubelet, which the API server dials; a pod not yet scheduled has none. */
    static Kubelet kubelet(Sandbox sandbox, Pod pod) {
        String node = pod.getSpec().getNodeName();
        if (node == null || node.isEmpty()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "pod " + pod.getMetadata().getName()
                    + " does not have a host assigned");
        }
        Kubelet kubelet = sandbox.cluster().kubelet(node);
        if (!kubelet.isRunning()) {
            String host = pod.getStatus() != null && pod.getStatus().getHostIP() != null ? pod.getStatus().getHostIP() : node;
            throw new ApiException(ApiException.Reason.INTERNAL_ERROR, "error dialing backend: dial tcp " + host
                    + ":10250: connect: connection refused");
        }
        return kubelet;
    }

    static Optional<ContainerStatus> status(Pod pod, String name) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        return Stream.concat(pod.getStatus().getContainerStatuses().stream(), pod.getStatus().getInitContainerStatuses().stream())
                .filter(s -> s.getName().equals(name)).findFirst();
    }

    /** The bare containerd id of a "containerd://…" container ID. */
    static String bare(String id) {
        return id.substring(id.indexOf("://") + 3);
    }
}
