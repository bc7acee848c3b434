package org.laymanlabs.backend.lab;

import static org.laymanlabs.backend.lab.LabValidator.append;
import static org.laymanlabs.backend.lab.LabValidator.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.cni.FlannelBackend;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.laymanlabs.sandbox.kube.store.EtcdClusterSpec;
import org.laymanlabs.sandbox.kube.store.MemberSpec;

/**
 * Reads lab.yaml's {@code sandbox} into a {@link SandboxSpec}: the nodes get kind's addresses
 * (192.168.49.2 onwards) and flannel's pod subnets (10.244.N.0/24) in the order listed, as
 * {@code kind create cluster} numbers them; a control-plane node without {@code taints} keeps
 * kubeadm's NoSchedule taint. Without {@code nodes}, the cluster is kubeadm's default.
 */
final class SandboxReader {

    /** A placeholder: a session replaces it with the server's clock ({@link LabDefinition#sandboxStartingAt}). */
    static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    private SandboxReader() {
    }

    static Optional<SandboxSpec> read(JsonNode sandbox, LabReport report) {
        List<Object> at = List.of("sandbox");
        boolean kubernetes = sandbox.path("kubernetes").asBoolean(true);
        ClusterSpec cluster = kubernetes ? nodes(sandbox.path("nodes"), report)
                .withNetworkMode(sandbox.path("network").asText("host-gw").equals("vxlan")
                        ? FlannelBackend.VXLAN : FlannelBackend.HOST_GW) : ClusterSpec.none();
        if (!kubernetes) {
            for (String clusterOnly : List.of("nodes", "network", "manifests", "faults")) {
                if (sandbox.has(clusterOnly)) {
                    report.at(append(at, clusterOnly), "a lab with kubernetes: false has no cluster for " + clusterOnly);
                }
            }
        }
        List<String> images = strings(sandbox.path("images"));
        for (int i = 0; i < images.size(); i++) {
            if (Catalog.shared().image(images.get(i)).isEmpty()) {
                report.at(append(at, "images", i), "the sandbox's registry has no image '" + images.get(i) + "'");
            }
        }
        List<String> manifests = new ArrayList<>();
        JsonNode files = sandbox.path("manifests");
        for (int i = 0; i < files.size(); i++) {
            report.read(append(at, "manifests", i), files.get(i).asText()).ifPresent(manifests::add);
        }
        List<Fault> faults = faults(sandbox.path("faults"), append(at, "faults"), report);
        return Optional.of(new SandboxSpec(sandbox.path("seed").asLong(1), DEFAULT_START, cluster, images, manifests,
                faults));
    }

    private static ClusterSpec nodes(JsonNode nodes, LabReport report) {
        if (!nodes.isArray() || nodes.isEmpty()) {
            return ClusterSpec.kubeadmDefault();
        }
        List<NodeConfig> configs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String name = node.path("name").asText("node-" + i);
            if (!names.add(name)) {
                report.at(List.of("sandbox", "nodes", i, "name"), "another node is already named '" + name + "'");
            }
            boolean controlPlane = node.path("role").asText().equals("control-plane");
            String ip = "192.168.49." + (2 + i);
            String podCidr = "10.244." + i + ".0/24";
            NodeConfig base = controlPlane ? NodeConfig.controlPlane(name, ip, podCidr) : NodeConfig.worker(name, ip, podCidr);
            List<Taint> taints = base.taints();
            if (node.has("taints")) {
                taints = new ArrayList<>();
                for (JsonNode taint : node.path("taints")) {
                    taints.add(new Taint(taint.path("effect").asText(), taint.path("key").asText(),
                            null, taint.has("value") ? taint.path("value").asText() : null));
                }
            }
            JsonNode capacity = node.path("capacity");
            configs.add(new NodeConfig(name, controlPlane, ip, podCidr, labels(node.path("labels")), taints,
                    capacity.path("cpu").asText(base.cpu()), capacity.path("memory").asText(base.memory()),
                    capacity.path("pods").asInt(base.maxPods())));
        }
        if (configs.stream().noneMatch(NodeConfig::controlPlane)) {
            report.at(List.of("sandbox", "nodes"), "a cluster needs at least one node with role: control-plane");
            return ClusterSpec.kubeadmDefault();
        }
        return new ClusterSpec(configs);
    }

    static List<Fault> faults(JsonNode faults, List<Object> at, LabReport report) {
        List<Fault> read = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            JsonNode fault = faults.get(i);
            if (fault.path("stopNode").isTextual()) {
                read.add(new Fault.StopNode(fault.path("stopNode").asText()));
            } else if (fault.path("stopEtcdMember").isTextual()) {
                etcdMember(fault.path("stopEtcdMember").asText(), append(at, i, "stopEtcdMember"), report)
                        .ifPresent(member -> read.add(new Fault.StopEtcdMember(member)));
            } else if (fault.path("startEtcdMember").isTextual()) {
                etcdMember(fault.path("startEtcdMember").asText(), append(at, i, "startEtcdMember"), report)
                        .ifPresent(member -> read.add(new Fault.StartEtcdMember(member)));
            } else if (fault.path("breakSelector").isObject()) {
                JsonNode broken = fault.path("breakSelector");
                read.add(new Fault.BreakSelector(broken.path("namespace").asText("default"),
                        broken.path("service").asText(), labels(broken.path("selector"))));
            } else if (fault.path("fillNode").isObject()) {
                JsonNode fill = fault.path("fillNode");
                String cpu = fill.path("cpu").asText();
                if (cpu.matches("[0-9]+m") && !cpu.equals("0m")) {
                    read.add(new Fault.FillNode(fill.path("node").asText(), Integer.parseInt(cpu.replace("m", ""))));
                } else {
                    report.at(append(at, i, "fillNode", "cpu"), "give the CPU to take in millicores, like 1500m");
                }
            }
        }
        return read;
    }

    /** Every lab cluster's etcd has the same three members, whatever its nodes: a typo is caught here, not mid-class. */
    private static Optional<String> etcdMember(String member, List<Object> at, LabReport report) {
        List<String> members = EtcdClusterSpec.threeMembers().members().stream().map(MemberSpec::name).toList();
        if (members.contains(member)) {
            return Optional.of(member);
        }
        report.at(at, "no etcd member is named '" + member + "'; the members are " + String.join(", ", members));
        return Optional.empty();
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
