package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;

/**
 * The pod and container {@code kubectl logs} and {@code kubectl exec} act on, as kubectl picks
 * them (polymorphichelpers attachablepodforobject.go, cmd/util/podcmd): a pod by name or the
 * first of a workload's pods, its container by -c or the default one with kubectl's note; and
 * the container itself as the API server's proxy to the node's kubelet finds it, with the
 * kubelet's errors (server/server.go, kubelet_pods.go validateContainerLogStatus).
 */
final class PodTarget {

    private PodTarget() {
    }

    /** POD, pod/POD, or TYPE/NAME of a workload whose pods kubectl picks from. */
    static Pod resolve(String typed, Session session, String namespace) {
        if (!typed.contains("/")) {
            return session.api().get(Pod.class, namespace, typed)
                    .orElseThrow(() -> new ApiException(ApiException.Reason.NOT_FOUND, "pods \"" + typed + "\" not found"));
        }
        ResourceArgs.Target target = ResourceArgs.resolve(List.of(typed)).get(0);
        if (target.type().kind().equals("Pod")) {
            return resolve(target.name(), session, namespace);
        }
        HasMetadata owner = session.api().get(target.type(), namespace, target.name())
                .orElseThrow(() -> ApiException.notFound(target.type(), target.name()));
        Map<String, String> labels = selector(owner);
        List<Pod> pods = session.api().list(Pod.class, namespace).stream()
                .filter(p -> p.getMetadata().getLabels() != null && p.getMetadata().getLabels().entrySet().containsAll(labels.entrySet()))
                .sorted(Comparator.comparing((Pod p) -> !"Running".equals(p.getStatus() == null ? null : p.getStatus().getPhase()))
                        .thenComparing(p -> p.getMetadata().getCreationTimestamp())
                        .thenComparing(p -> p.getMetadata().getName())).toList();
        if (pods.isEmpty()) {
            throw KubectlException.error("timed out waiting for the condition");
        }
        if (pods.size() > 1) {
            session.note("Found " + pods.size() + " pods, using pod/" + pods.get(0).getMetadata().getName());
        }
        return pods.get(0);
    }

    private static Map<String, String> selector(HasMetadata owner) {
        LabelSelector selector;
        if (owner instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) {
            selector = d.getSpec().getSelector();
        } else if (owner instanceof io.fabric8.kubernetes.api.model.apps.ReplicaSet r) {
            selector = r.getSpec().getSelector();
        } else if (owner instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet d) {
            selector = d.getSpec().getSelector();
        } else if (owner instanceof io.fabric8.kubernetes.api.model.batch.v1.Job j) {
            selector = j.getSpec().getSelector();
        } else if (owner instanceof io.fabric8.kubernetes.api.model.Service s) {
            selector = new LabelSelector(List.of(), s.getSpec().getSelector());
        } else {
            throw KubectlException.error("cannot attach to " + owner.getKind() + ": not implemented");
        }
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    /** -c, or the default-container annotation, or the first container with kubectl's "Defaulted container" note. */
    static String container(Pod pod, String given, Session session) {
        if (!given.isEmpty()) {
            if (all(pod).noneMatch(c -> c.getName().equals(given))) {
                throw KubectlException.error("container " + given + " is not valid for pod " + pod.getMetadata().getName());
            }
            return given;
        }
        String annotated = pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get("kubectl.kubernetes.io/default-container");
        if (annotated != null && all(pod).anyMatch(c -> c.getName().equals(annotated))) {
            return annotated;
        }
        String first = pod.getSpec().getContainers().get(0).getName();
        if (pod.getSpec().getContainers().size() > 1 || !pod.getSpec().getInitContainers().isEmpty()) {
            session.note("Defaulted container \"" + first + "\" out of: " + Stream.concat(
                    pod.getSpec().getContainers().stream().map(Container::getName),
                    pod.getSpec().getInitContainers().stream().map(c -> c.getName() + " (init)")).collect(Collectors.joining(", ")));
        }
        return first;
    }

    private static Stream<Container> all(Pod pod) {
        return Stream.concat(pod.getSpec().getContainers().stream(), pod.getSpec().getInitContainers().stream());
    }

    /** The node's kubelet, as the API server dials it on port 10250. */
    static Kubelet kubelet(Pod pod, Session session, String path) {
        String node = pod.getSpec().getNodeName();
        if (node == null || node.isEmpty()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "pod " + pod.getMetadata().getName()
                    + " does not have a host assigned");
        }
        String host = pod.getStatus() != null && pod.getStatus().getHostIP() != null ? pod.getStatus().getHostIP() : node;
        return session.kubelet(node).filter(Kubelet::isRunning).orElseThrow(() -> KubectlException.verbatim(
                "Error from server: Get \"https://" + host + ":10250/" + path + "\": dial tcp " + host
                        + ":10250: connect: connection refused\n"));
    }

    /** validateContainerLogStatus: which container's log the kubelet reads, or why it cannot. */
    static CriContainer forLogs(Pod pod, String name, boolean previous, Kubelet kubelet) {
        ContainerStatus status = Stream.concat(pod.getStatus().getContainerStatuses().stream(),
                        pod.getStatus().getInitContainerStatuses().stream())
                .filter(s -> s.getName().equals(name)).findFirst().orElse(null);
        String pod1 = pod.getMetadata().getName();
        if (status == null) {
            throw badRequest("container \"" + name + "\" in pod \"" + pod1 + "\" is waiting to start: ContainerCreating");
        }
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        var state = status.getState();
        String id;
        if (previous) {
            if (last == null || last.getContainerID() == null) {
                throw badRequest("previous terminated container \"" + name + "\" in pod \"" + pod1 + "\" not found");
            }
            id = last.getContainerID();
        } else if (state.getRunning() != null) {
            id = status.getContainerID();
        } else if (state.getTerminated() != null) {
            id = state.getTerminated().getContainerID();
        } else if (last != null) {
            id = last.getContainerID();
        } else {
            String reason = state.getWaiting() == null ? null : state.getWaiting().getReason();
            String why = reason == null ? "ContainerCreating" : switch (reason) {
                case "ErrImagePull" -> "image can't be pulled";
                case "ImagePullBackOff" -> "trying and failing to pull image";
                default -> reason;
            };
            throw badRequest("container \"" + name + "\" in pod \"" + pod1 + "\" is waiting to start: " + why);
        }
        String bare = id.substring(id.indexOf("://") + 3);
        Optional<CriContainer> found = kubelet.runtime().find(bare);
        return found.orElseThrow(() -> badRequest("container \"" + name + "\" in pod \"" + pod1 + "\" is terminated"));
    }

    static ApiException badRequest(String message) {
        return new ApiException(ApiException.Reason.BAD_REQUEST, message);
    }
}
