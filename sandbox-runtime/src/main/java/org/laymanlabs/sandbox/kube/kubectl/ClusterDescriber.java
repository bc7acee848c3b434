package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors describeService (with formatEndpointSlices), describeNode (with its lease, pods and
 * allocated resources) and describeNamespace in staging/src/k8s.io/kubectl/pkg/describe/describe.go.
 */
final class ClusterDescriber {

    private ClusterDescriber() {
    }

    static String service(Service svc, ApiServer api, List<Event> events, Instant now) {
        DescribeWriter w = new DescribeWriter();
        var spec = svc.getSpec();
        w.write(0, "Name:\t" + svc.getMetadata().getName() + "\n");
        w.write(0, "Namespace:\t" + svc.getMetadata().getNamespace() + "\n");
        w.labels("Labels", svc.getMetadata().getLabels());
        w.annotations("Annotations", svc.getMetadata().getAnnotations());
        w.write(0, "Selector:\t" + (spec.getSelector() == null || spec.getSelector().isEmpty() ? "" : SelectorText.labels(spec.getSelector())) + "\n");
        w.write(0, "Type:\t" + ClusterRows.nz(spec.getType()) + "\n");
        if (spec.getIpFamilyPolicy() != null) {
            w.write(0, "IP Family Policy:\t" + spec.getIpFamilyPolicy() + "\n");
        }
        w.write(0, "IP Families:\t" + (spec.getIpFamilies().isEmpty() ? "<none>" : String.join(",", spec.getIpFamilies())) + "\n");
        w.write(0, "IP:\t" + ClusterRows.nz(spec.getClusterIP()) + "\n");
        w.write(0, "IPs:\t" + (spec.getClusterIPs().isEmpty() ? "<none>" : String.join(",", spec.getClusterIPs())) + "\n");
        if (!spec.getExternalIPs().isEmpty()) {
            w.write(0, "External IPs:\t" + String.join(",", spec.getExternalIPs()) + "\n");
        }
        if (spec.getLoadBalancerIP() != null && !spec.getLoadBalancerIP().isEmpty()) {
            w.write(0, "Desired LoadBalancer IP:\t" + spec.getLoadBalancerIP() + "\n");
        }
        if (spec.getExternalName() != null && !spec.getExternalName().isEmpty()) {
            w.write(0, "External Name:\t" + spec.getExternalName() + "\n");
        }
        if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
                && !svc.getStatus().getLoadBalancer().getIngress().isEmpty()) {
            w.write(0, "LoadBalancer Ingress:\t" + loadBalancerIngress(svc.getStatus().getLoadBalancer().getIngress()) + "\n");
        }
        List<EndpointSlice> slices = api.list(EndpointSlice.class, svc.getMetadata().getNamespace()).stream()
                .filter(s -> s.getMetadata().getLabels() != null
                        && svc.getMetadata().getName().equals(s.getMetadata().getLabels().get("kubernetes.io/service-name"))).toList();
        for (ServicePort port : spec.getPorts()) {
            String name = port.getName() == null || port.getName().isEmpty() ? "<unset>" : port.getName();
            w.write(0, "Port:\t" + name + "\t" + port.getPort() + "/" + port.getProtocol() + "\n");
            var target = port.getTargetPort();
            w.write(0, "TargetPort:\t" + (target == null ? "" : target.getIntVal() != null ? target.getIntVal().toString() : target.getStrVal())
                    + "/" + port.getProtocol() + "\n");
            if (port.getNodePort() != null && port.getNodePort() != 0) {
                w.write(0, "NodePort:\t" + name + "\t" + port.getNodePort() + "/" + port.getProtocol() + "\n");
            }
            w.write(0, "Endpoints:\t" + endpoints(slices, port.getName() == null ? "" : port.getName()) + "\n");
        }
        w.write(0, "Session Affinity:\t" + ClusterRows.nz(spec.getSessionAffinity()) + "\n");
        if (spec.getExternalTrafficPolicy() != null && !spec.getExternalTrafficPolicy().isEmpty()) {
            w.write(0, "External Traffic Policy:\t" + spec.getExternalTrafficPolicy() + "\n");
        }
        if (spec.getInternalTrafficPolicy() != null && !spec.getInternalTrafficPolicy().isEmpty()) {
            w.write(0, "Internal Traffic Policy:\t" + spec.getInternalTrafficPolicy() + "\n");
        }
        if (spec.getHealthCheckNodePort() != null && spec.getHealthCheckNodePort() != 0) {
            w.write(0, "HealthCheck NodePort:\t" + spec.getHealthCheckNodePort() + "\n");
        }
        if (!spec.getLoadBalancerSourceRanges().isEmpty()) {
            w.write(0, "LoadBalancer Source Ranges:\t" + String.join(",", spec.getLoadBalancerSourceRanges()) + "\n");
        }
        if (events != null) {
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }

    /** buildIngressString: each ingress's IP (or hostname), with its ipMode in brackets when it has one. */
    private static String loadBalancerIngress(List<io.fabric8.kubernetes.api.model.LoadBalancerIngress> ingress) {
        List<String> parts = new ArrayList<>();
        for (var i : ingress) {
            String address = i.getIp() != null && !i.getIp().isEmpty() ? i.getIp() : i.getHostname();
            parts.add(i.getIpMode() == null ? address : address + " (" + i.getIpMode() + ")");
        }
        return String.join(", ", parts);
    }

    /** formatEndpointSlices: ready addresses with the port of that name, three at most, then "+ N more...". */
    static String endpoints(List<EndpointSlice> slices, String portName) {
        if (slices.isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (EndpointSlice slice : slices) {
            for (var port : slice.getPorts()) {
                if (!portName.equals(port.getName() == null ? "" : port.getName())) {
                    continue;
                }
                for (var endpoint : slice.getEndpoints()) {
                    if (list.size() == 3) {
                        more = true;
                    }
                    Boolean ready = endpoint.getConditions() == null ? null : endpoint.getConditions().getReady();
                    if (ready == null || ready) {
                        count++;
                        if (!more) {
                            String address = endpoint.getAddresses().get(0);
                            list.add((address.contains(":") ? "[" + address + "]" : address) + ":" + port.getPort());
                        }
                    }
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - 3) + " more..." : joined;
    }

    static String node(Node node, ApiServer api, List<Event> ownEvents, Instant now) {
        DescribeWriter w = new DescribeWriter();
        String name = node.getMetadata().getName();
        List<String> roles = ClusterRows.roles(node);
        w.write(0, "Name:\t" + name + "\n");
        w.write(0, "Roles:\t" + (roles.isEmpty() ? "<none>" : String.join(",", roles)) + "\n");
        w.labels("Labels", node.getMetadata().getLabels());
        w.annotations("Annotations", node.getMetadata().getAnnotations());
        w.write(0, "CreationTimestamp:\t" + DescribeWriter.time(node.getMetadata().getCreationTimestamp()) + "\n");
        taints(node.getSpec().getTaints(), w);
        w.write(0, "Unschedulable:\t" + Boolean.TRUE.equals(node.getSpec().getUnschedulable()) + "\n");
        var lease = api.get(Lease.class, "kube-node-lease", name);
        if (lease.isPresent()) {
            var spec = lease.get().getSpec();
            w.write(0, "Lease:\n");
            w.write(1, "HolderIdentity:\t" + (spec.getHolderIdentity() == null ? "<unset>" : spec.getHolderIdentity()) + "\n");
            w.write(1, "AcquireTime:\t" + (spec.getAcquireTime() == null ? "<unset>" : DescribeWriter.time(spec.getAcquireTime().toInstant().toString())) + "\n");
            w.write(1, "RenewTime:\t" + (spec.getRenewTime() == null ? "<unset>" : DescribeWriter.time(spec.getRenewTime().toInstant().toString())) + "\n");
        } else {
            w.write(0, "Lease:\tFailed to get lease: leases.coordination.k8s.io \"" + name + "\" not found\n");
        }
        var status = node.getStatus();
        if (!status.getConditions().isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            status.getConditions().forEach(c -> w.write(1, c.getType() + " \t" + c.getStatus() + " \t"
                    + DescribeWriter.time(c.getLastHeartbeatTime()) + " \t" + DescribeWriter.time(c.getLastTransitionTime()) + " \t"
                    + ClusterRows.nz(c.getReason()) + " \t" + ClusterRows.nz(c.getMessage()) + "\n"));
        }
        w.write(0, "Addresses:\n");
        status.getAddresses().forEach(a -> w.write(1, a.getType() + ":\t" + a.getAddress() + "\n"));
        resourceList("Capacity", status.getCapacity(), w);
        resourceList("Allocatable", status.getAllocatable(), w);
        var info = status.getNodeInfo() == null ? new io.fabric8.kubernetes.api.model.NodeSystemInfo() : status.getNodeInfo();
        w.write(0, "System Info:\n");
        w.write(0, "  Machine ID:\t" + ClusterRows.nz(info.getMachineID()) + "\n");
        w.write(0, "  System UUID:\t" + ClusterRows.nz(info.getSystemUUID()) + "\n");
        w.write(0, "  Boot ID:\t" + ClusterRows.nz(info.getBootID()) + "\n");
        w.write(0, "  Kernel Version:\t" + ClusterRows.nz(info.getKernelVersion()) + "\n");
        w.write(0, "  OS Image:\t" + ClusterRows.nz(info.getOsImage()) + "\n");
        w.write(0, "  Operating System:\t" + ClusterRows.nz(info.getOperatingSystem()) + "\n");
        w.write(0, "  Architecture:\t" + ClusterRows.nz(info.getArchitecture()) + "\n");
        w.write(0, "  Container Runtime Version:\t" + ClusterRows.nz(info.getContainerRuntimeVersion()) + "\n");
        w.write(0, "  Kubelet Version:\t" + ClusterRows.nz(info.getKubeletVersion()) + "\n");
        w.write(0, "  Kube-Proxy Version:\t" + ClusterRows.nz(info.getKubeProxyVersion()) + "\n");
        if (node.getSpec().getPodCIDR() != null && !node.getSpec().getPodCIDR().isEmpty()) {
            w.write(0, "PodCIDR:\t" + node.getSpec().getPodCIDR() + "\n");
        }
        if (!node.getSpec().getPodCIDRs().isEmpty()) {
            w.write(0, "PodCIDRs:\t" + String.join(",", node.getSpec().getPodCIDRs()) + "\n");
        }
        if (node.getSpec().getProviderID() != null && !node.getSpec().getProviderID().isEmpty()) {
            w.write(0, "ProviderID:\t" + node.getSpec().getProviderID() + "\n");
        }
        NodeResources.describe(node, api.list(Pod.class, "").stream().filter(p -> name.equals(p.getSpec().getNodeName()))
                .filter(p -> !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase())).toList(), w, now);
        if (ownEvents != null) {
            List<Event> events = new ArrayList<>(ownEvents);
            api.list(Event.class, "").stream().filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName())
                    && name.equals(e.getInvolvedObject().getUid()) && "Node".equals(e.getInvolvedObject().getKind()))
                    .filter(e -> !events.contains(e)).forEach(events::add);
            events.sort(Comparator.comparing(e -> e.getLastTimestamp() == null ? "" : e.getLastTimestamp()));
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }

    /** printNodeTaintsMultiline: "key=value:Effect" per line, sorted. */
    private static void taints(List<Taint> taints, DescribeWriter w) {
        w.write(0, "Taints:\t");
        if (taints.isEmpty()) {
            w.write(0, "<none>\n");
            return;
        }
        List<Taint> sorted = new ArrayList<>(taints);
        sorted.sort(Comparator.comparing(Taint::getKey).thenComparing(t -> ClusterRows.nz(t.getEffect())));
        for (int i = 0; i < sorted.size(); i++) {
            Taint t = sorted.get(i);
            if (i != 0) {
                w.write(0, "\t");
            }
            w.write(0, t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue()) + ":" + t.getEffect() + "\n");
        }
    }

    private static void resourceList(String title, Map<String, Quantity> resources, DescribeWriter w) {
        if (resources == null || resources.isEmpty()) {
            return;
        }
        w.write(0, title + ":\n");
        new TreeMap<>(resources).forEach((k, v) -> w.write(0, "  " + k + ":\t" + v + "\n"));
    }

    static String namespace(Namespace ns) {
        DescribeWriter w = new DescribeWriter();
        w.write(0, "Name:\t" + ns.getMetadata().getName() + "\n");
        w.labels("Labels", ns.getMetadata().getLabels());
        w.annotations("Annotations", ns.getMetadata().getAnnotations());
        w.write(0, "Status:\t" + (ns.getStatus() == null ? "" : ClusterRows.nz(ns.getStatus().getPhase())) + "\n");
        w.write(0, "\nNo resource quota.\n");
        w.write(0, "\nNo LimitRange resource.\n");
        return w.render();
    }
}
