package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each filter plugin against a table of named cases: a pod, a node with pods on it, the expected status. */
class FilterPluginsTest {

    private static final Status FITS = Status.SUCCESS;

    static Stream<Arguments> cases() {
        Node worker = Cluster.worker("worker-1");
        Node controlPlane = Cluster.controlPlane("control-plane");
        Node cordoned = new NodeBuilder(worker).editSpec().withUnschedulable(true).endSpec().build();
        Node ssd = new NodeBuilder(worker).editMetadata().addToLabels("disk", "ssd").addToLabels("cores", "16").endMetadata().build();
        Node gpuTainted = new NodeBuilder(worker).editSpec()
                .withTaints(new Taint("PreferNoSchedule", "spot", null, "true"), new Taint("NoExecute", "gpu", null, "a100")).endSpec().build();
        Node small = new NodeBuilder(worker).editStatus().withAllocatable(Map.of("cpu", new Quantity("1"),
                "memory", new Quantity("1Gi"), "pods", new Quantity("2"), "nvidia.com/gpu", new Quantity("1"))).endStatus().build();
        Pod plain = pod("cpu", "100m");
        return Stream.of(
                Arguments.of("a node that is not cordoned takes the pod", new NodeUnschedulable(), plain, worker, List.of(), FITS),
                Arguments.of("a cordoned node refuses the pod", new NodeUnschedulable(), plain, cordoned, List.of(),
                        Status.unresolvable("node(s) were unschedulable")),
                Arguments.of("a pod tolerating the unschedulable taint ignores the cordon", new NodeUnschedulable(),
                        tolerating(plain, new Toleration("NoSchedule", "node.kubernetes.io/unschedulable", "Exists", null, null)),
                        cordoned, List.of(), FITS),
                Arguments.of("a pod naming another node does not fit", new NodeName(),
                        new PodBuilder(plain).editSpec().withNodeName("worker-2").endSpec().build(), worker, List.of(),
                        Status.unresolvable("node(s) didn't match the requested node name")),
                Arguments.of("the control-plane taint keeps an ordinary pod off", new TaintToleration(), plain, controlPlane, List.of(),
                        Status.unresolvable("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }")),
                Arguments.of("a pod tolerating the control-plane taint fits", new TaintToleration(),
                        tolerating(plain, new Toleration("NoSchedule", "node-role.kubernetes.io/control-plane", "Exists", null, null)),
                        controlPlane, List.of(), FITS),
                Arguments.of("a NoExecute taint is named with its value; PreferNoSchedule does not filter", new TaintToleration(), plain,
                        gpuTainted, List.of(), Status.unresolvable("node(s) had untolerated taint {gpu: a100}")),
                Arguments.of("Equal needs the same value", new TaintToleration(),
                        tolerating(plain, new Toleration("NoExecute", "gpu", "Equal", null, "h100")), gpuTainted, List.of(),
                        Status.unresolvable("node(s) had untolerated taint {gpu: a100}")),
                Arguments.of("an empty key with Exists tolerates every taint", new TaintToleration(),
                        tolerating(plain, new Toleration(null, null, "Exists", null, null)), gpuTainted, List.of(), FITS),
                Arguments.of("nodeSelector disk=ssd matches the ssd node", new NodeAffinity(),
                        new PodBuilder(plain).editSpec().addToNodeSelector("disk", "ssd").endSpec().build(), ssd, List.of(), FITS),
                Arguments.of("nodeSelector disk=ssd refuses a node without the label", new NodeAffinity(),
                        new PodBuilder(plain).editSpec().addToNodeSelector("disk", "ssd").endSpec().build(), worker, List.of(),
                        Status.unresolvable("node(s) didn't match Pod's node affinity/selector")),
                Arguments.of("required affinity In and Gt match", new NodeAffinity(),
                        required(plain, new NodeSelectorRequirement("disk", "In", List.of("ssd", "nvme")),
                                new NodeSelectorRequirement("cores", "Gt", List.of("8"))), ssd, List.of(), FITS),
                Arguments.of("required affinity NotIn refuses the matching node", new NodeAffinity(),
                        required(plain, new NodeSelectorRequirement("disk", "NotIn", List.of("ssd"))), ssd, List.of(),
                        Status.unresolvable("node(s) didn't match Pod's node affinity/selector")),
                Arguments.of("a free host port fits", new NodePorts(), hostPort("web", 8080), worker,
                        List.of(hostPort("other", 9090)), FITS),
                Arguments.of("a host port already taken does not fit", new NodePorts(), hostPort("web", 8080), worker,
                        List.of(hostPort("other", 8080)), Status.unschedulable("node(s) didn't have free ports for the requested pod ports")),
                Arguments.of("requests within what is left fit", new NodeResourcesFit(), pod("cpu", "500m"), small,
                        List.of(pod("cpu", "500m")), FITS),
                Arguments.of("more cpu than is left is Insufficient cpu", new NodeResourcesFit(), pod("cpu", "600m"), small,
                        List.of(pod("cpu", "500m")), Status.unschedulable("Insufficient cpu")),
                Arguments.of("every resource short is a reason", new NodeResourcesFit(),
                        pod("cpu", "2", "memory", "2Gi", "nvidia.com/gpu", "2"), small, List.of(),
                        Status.unschedulable("Insufficient cpu", "Insufficient memory", "Insufficient nvidia.com/gpu")),
                Arguments.of("a full node is Too many pods, even for a pod that asks for nothing", new NodeResourcesFit(),
                        new PodBuilder(plain).editSpec().withContainers(new ContainerBuilder().withName("c").withImage("busybox").build())
                                .endSpec().build(), small, List.of(pod("cpu", "100m"), pod("cpu", "100m")),
                        Status.unschedulable("Too many pods")),
                Arguments.of("an init container's larger request counts", new NodeResourcesFit(),
                        new PodBuilder(pod("cpu", "100m")).editSpec().addToInitContainers(new ContainerBuilder().withName("init")
                                .withImage("busybox").withNewResources().addToRequests("cpu", new Quantity("1500m")).endResources()
                                .build()).endSpec().build(), small, List.of(), Status.unschedulable("Insufficient cpu")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filters(String name, Plugin.Filter plugin, Pod pod, Node node, List<Pod> onNode, Status expected) {
        NodeInfo info = NodeInfo.of(node, onNode.stream().map(FilterPluginsTest::placed).toArray(PodInfo[]::new));
        assertThat(plugin.filter(new CycleState(), PodInfo.of(pod), info)).isEqualTo(expected);
    }

    private static int sequence;

    static PodInfo placed(Pod pod) {
        return PodInfo.of(new PodBuilder(pod).editMetadata().withName(pod.getMetadata().getName() + "-" + sequence++).endMetadata().build());
    }

    static Pod pod(String... requests) {
        ContainerBuilder container = new ContainerBuilder().withName("web").withImage("nginx:1.27");
        for (int i = 0; i < requests.length; i += 2) {
            container.editOrNewResources().addToRequests(requests[i], new Quantity(requests[i + 1])).endResources();
        }
        return new PodBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withContainers(container.build()).endSpec().build();
    }

    private static Pod tolerating(Pod pod, Toleration toleration) {
        return new PodBuilder(pod).editSpec().addToTolerations(toleration).endSpec().build();
    }

    private static Pod required(Pod pod, NodeSelectorRequirement... requirements) {
        return new PodBuilder(pod).editSpec().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().withMatchExpressions(requirements).endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
    }

    private static Pod hostPort(String name, int port) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata().withNewSpec()
                .withContainers(new ContainerBuilder().withName("web").withImage("nginx")
                        .withPorts(new ContainerPortBuilder().withContainerPort(80).withHostPort(port).build()).build())
                .endSpec().build();
    }
}
