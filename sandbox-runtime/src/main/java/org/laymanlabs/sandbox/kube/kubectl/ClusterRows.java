package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Mirrors printNode, printNamespace, printEvent, printConfigMap, printSecret, printServiceAccount
 * and printLease in kubernetes pkg/printers/internalversion/printers.go.
 */
final class ClusterRows {

    static final List<Column> NODE = List.of(Column.of("Name"), Column.of("Status"), Column.of("Roles"), Column.of("Age"),
            Column.of("Version"), Column.wide("Internal-IP"), Column.wide("External-IP"), Column.wide("OS-Image"),
            Column.wide("Kernel-Version"), Column.wide("Container-Runtime"));
    static final List<Column> NAMESPACE = List.of(Column.of("Name"), Column.of("Status"), Column.of("Age"));
    static final List<Column> EVENT = List.of(Column.of("Last Seen"), Column.of("Type"), Column.of("Reason"),
            Column.of("Object"), Column.wide("Subobject"), Column.wide("Source"), Column.of("Message"),
            Column.wide("First Seen"), Column.wide("Count"), Column.wide("Name"));
    static final List<Column> CONFIG_MAP = List.of(Column.of("Name"), Column.of("Data"), Column.of("Age"));
    static final List<Column> SECRET = List.of(Column.of("Name"), Column.of("Type"), Column.of("Data"), Column.of("Age"));
    static final List<Column> SERVICE_ACCOUNT = List.of(Column.of("Name"), Column.of("Secrets"), Column.of("Age"));
    static final List<Column> LEASE = List.of(Column.of("Name"), Column.of("Holder"), Column.of("Age"));

    private ClusterRows() {
    }

    static List<String> node(Node node, Instant now) {
        List<String> status = new ArrayList<>();
        var conditions = node.getStatus() == null ? List.<NodeCondition>of() : node.getStatus().getConditions();
        conditions.stream().filter(c -> "Ready".equals(c.getType())).reduce((a, b) -> b)
                .ifPresent(c -> status.add("True".equals(c.getStatus()) ? "Ready" : "NotReady"));
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            status.add("SchedulingDisabled");
        }
        String roles = String.join(",", roles(node));
        var info = node.getStatus() == null ? null : node.getStatus().getNodeInfo();
        return List.of(node.getMetadata().getName(), String.join(",", status), roles.isEmpty() ? "<none>" : roles,
                Age.since(node.getMetadata().getCreationTimestamp(), now), info == null ? "" : nz(info.getKubeletVersion()),
                address(node, "InternalIP"), address(node, "ExternalIP"), unknown(info == null ? null : info.getOsImage()),
                unknown(info == null ? null : info.getKernelVersion()), unknown(info == null ? null : info.getContainerRuntimeVersion()));
    }

    /** findNodeRoles: node-role.kubernetes.io/&lt;role&gt; labels and the kubernetes.io/role label. */
    static List<String> roles(Node node) {
        TreeSet<String> roles = new TreeSet<>();
        var labels = node.getMetadata().getLabels();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (k.startsWith("node-role.kubernetes.io/") && k.length() > "node-role.kubernetes.io/".length()) {
                    roles.add(k.substring("node-role.kubernetes.io/".length()));
                } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
                    roles.add(v);
                }
            });
        }
        return List.copyOf(roles);
    }

    private static String address(Node node, String type) {
        if (node.getStatus() == null) {
            return "<none>";
        }
        return node.getStatus().getAddresses().stream().filter(a -> type.equals(a.getType())).map(NodeAddress::getAddress)
                .findFirst().orElse("<none>");
    }

    static List<String> namespace(Namespace ns, Instant now) {
        return List.of(ns.getMetadata().getName(), ns.getStatus() == null ? "" : nz(ns.getStatus().getPhase()),
                Age.since(ns.getMetadata().getCreationTimestamp(), now));
    }

    static List<String> event(Event e, Instant now) {
        String first = e.getFirstTimestamp() == null || e.getFirstTimestamp().isEmpty()
                ? micro(e.getEventTime() == null ? null : e.getEventTime().getTime(), now) : Age.since(e.getFirstTimestamp(), now);
        String last = e.getLastTimestamp() == null || e.getLastTimestamp().isEmpty() ? first : Age.since(e.getLastTimestamp(), now);
        int count = e.getCount() == null ? 0 : e.getCount();
        if (e.getSeries() != null) {
            last = micro(e.getSeries().getLastObservedTime() == null ? null : e.getSeries().getLastObservedTime().getTime(), now);
            count = e.getSeries().getCount();
        } else if (count == 0) {
            count = 1;
        }
        var ref = e.getInvolvedObject();
        String kind = ref.getKind() == null ? "" : ref.getKind().toLowerCase(Locale.ROOT);
        String target = ref.getName() != null && !ref.getName().isEmpty() ? kind + "/" + ref.getName() : kind;
        return List.of(last, nz(e.getType()), nz(e.getReason()), target, nz(ref.getFieldPath()), source(e),
                nz(e.getMessage()).strip(), first, Integer.toString(count), e.getMetadata().getName());
    }

    /** formatEventSource: "component, host", falling back to the reporting controller and instance. */
    static String source(Event e) {
        String component = e.getSource() != null && e.getSource().getComponent() != null && !e.getSource().getComponent().isEmpty()
                ? e.getSource().getComponent() : nz(e.getReportingComponent());
        String host = e.getSource() != null && e.getSource().getHost() != null && !e.getSource().getHost().isEmpty()
                ? e.getSource().getHost() : nz(e.getReportingInstance());
        return host.isEmpty() ? component : component + ", " + host;
    }

    private static String micro(String time, Instant now) {
        return time == null || time.isEmpty() ? "<unknown>" : Age.since(time, now);
    }

    static List<String> configMap(ConfigMap cm, Instant now) {
        return List.of(cm.getMetadata().getName(), Integer.toString(cm.getData().size() + cm.getBinaryData().size()),
                Age.since(cm.getMetadata().getCreationTimestamp(), now));
    }

    static List<String> secret(Secret s, Instant now) {
        return List.of(s.getMetadata().getName(), nz(s.getType()), Integer.toString(s.getData().size()),
                Age.since(s.getMetadata().getCreationTimestamp(), now));
    }

    static List<String> serviceAccount(ServiceAccount sa, Instant now) {
        return List.of(sa.getMetadata().getName(), Integer.toString(sa.getSecrets().size()),
                Age.since(sa.getMetadata().getCreationTimestamp(), now));
    }

    static List<String> lease(Lease lease, Instant now) {
        return List.of(lease.getMetadata().getName(), nz(lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity()),
                Age.since(lease.getMetadata().getCreationTimestamp(), now));
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String unknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }
}
