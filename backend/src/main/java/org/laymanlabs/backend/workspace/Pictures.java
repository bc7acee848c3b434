package org.laymanlabs.backend.workspace;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/** Draws the sandbox for the map from the API server's cache and the laptop's Docker engine. */
final class Pictures {

    private static final String SYSTEM = "kube-system";

    private Pictures() {
    }

    static ClusterPicture of(Sandbox sandbox) {
        if (!sandbox.hasCluster()) {
            return new ClusterPicture(List.of(), List.of(), List.of(), docker(sandbox));
        }
        ApiServer api = sandbox.cluster().api();
        List<Pod> pods = api.list(Pod.class, "");
        List<ClusterPicture.Node> nodes = new ArrayList<>();
        for (Node node : api.list(Node.class, "")) {
            String name = node.getMetadata().getName();
            List<Pod> here = pods.stream().filter(p -> name.equals(p.getSpec().getNodeName())).toList();
            nodes.add(new ClusterPicture.Node(name, ready(node),
                    node.getMetadata().getLabels() != null
                            && node.getMetadata().getLabels().containsKey("node-role.kubernetes.io/control-plane"),
                    here.stream().filter(p -> !SYSTEM.equals(p.getMetadata().getNamespace())).map(Pictures::pod).toList(),
                    (int) here.stream().filter(p -> SYSTEM.equals(p.getMetadata().getNamespace())).count()));
        }
        List<ClusterPicture.Pod> unscheduled = pods.stream()
                .filter(p -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
                .filter(p -> !SYSTEM.equals(p.getMetadata().getNamespace()))
                .map(Pictures::pod).toList();
        List<ClusterPicture.Service> services = api.list(Service.class, "").stream()
                .filter(s -> !SYSTEM.equals(s.getMetadata().getNamespace()))
                .map(s -> service(s, pods)).toList();
        return new ClusterPicture(nodes, unscheduled, services, docker(sandbox));
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static ClusterPicture.Pod pod(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        ClusterPicture.Phase shown = pod.getMetadata().getDeletionTimestamp() != null ? ClusterPicture.Phase.TERMINATING
                : phase == null ? ClusterPicture.Phase.PENDING
                : switch (phase) {
                    case "Running" -> ClusterPicture.Phase.RUNNING;
                    case "Succeeded" -> ClusterPicture.Phase.SUCCEEDED;
                    case "Failed" -> ClusterPicture.Phase.FAILED;
                    case "Pending" -> ClusterPicture.Phase.PENDING;
                    default -> ClusterPicture.Phase.UNKNOWN;
                };
        List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null
                ? List.of() : pod.getStatus().getConditions();
        boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return new ClusterPicture.Pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), shown, ready,
                pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "" : pod.getStatus().getPodIP(),
                Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of()));
    }

    /** A Service and the pods of its namespace whose labels hold every pair of its selector, as the EndpointSlice controller picks them. */
    private static ClusterPicture.Service service(Service service, List<Pod> pods) {
        Map<String, String> selector = Optional.ofNullable(service.getSpec().getSelector()).orElse(Map.of());
        String namespace = service.getMetadata().getNamespace();
        List<String> picked = selector.isEmpty() ? List.of() : pods.stream()
                .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
                .filter(p -> p.getMetadata().getLabels() != null && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .map(p -> p.getMetadata().getName()).toList();
        return new ClusterPicture.Service(namespace, service.getMetadata().getName(), service.getSpec().getType(),
                Optional.ofNullable(service.getSpec().getClusterIP()).orElse(""), selector, picked);
    }

    private static ClusterPicture.DockerHost docker(Sandbox sandbox) {
        var engine = sandbox.containers();
        List<ClusterPicture.Container> containers = engine.containers().all().stream()
                .map(c -> new ClusterPicture.Container(c.name(), imageName(sandbox, c), c.state().status().text(),
                        c.endpoints().stream().map(e -> e.network().name()).toList()))
                .toList();
        List<String> images = engine.images().images().stream()
                .flatMap(i -> refs(sandbox, i).stream().findFirst().stream()).sorted().toList();
        List<ClusterPicture.Network> networks = engine.networks().networks().stream()
                .map(n -> new ClusterPicture.Network(n.name(), n.driver().text(), n.subnet().map(Object::toString).orElse("")))
                .toList();
        return new ClusterPicture.DockerHost(containers, images, networks);
    }

    private static String imageName(Sandbox sandbox, Container container) {
        return refs(sandbox, container.image()).stream().findFirst().orElse(container.image().id().toString());
    }

    private static List<String> refs(Sandbox sandbox, Image image) {
        return sandbox.containers().images().references(image.id()).stream().map(Reference::familiarString).toList();
    }
}
