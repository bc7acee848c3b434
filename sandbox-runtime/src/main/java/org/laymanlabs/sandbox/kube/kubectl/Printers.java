package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * The table kube-apiserver's printers return for each kind (what kubectl receives as a
 * meta.k8s.io Table), and how kubectl lays it out: the NAMESPACE column for {@code -A}, the
 * kind prefix when several kinds are printed, wide columns, and LABELS for {@code --show-labels}.
 */
final class Printers {

    /** One kind's columns and how an object fills them (every column, wide ones included). */
    record Table(List<Column> columns, BiFunction<HasMetadata, Instant, List<String>> row) {
    }

    /** How the learner asked for the table to be laid out. */
    record Layout(boolean wide, boolean withNamespace, boolean withKind, boolean showLabels, boolean noHeaders) {
    }

    private static final Map<ResourceType, Table> TABLES = Map.ofEntries(
            Map.entry(ApiResources.PODS, new Table(PodRow.COLUMNS, (o, now) -> PodRow.cells((Pod) o, now))),
            Map.entry(ApiResources.DEPLOYMENTS, new Table(WorkloadRows.DEPLOYMENT, (o, now) -> WorkloadRows.deployment((Deployment) o, now))),
            Map.entry(ApiResources.REPLICA_SETS, new Table(WorkloadRows.REPLICA_SET, (o, now) -> WorkloadRows.replicaSet((ReplicaSet) o, now))),
            Map.entry(ApiResources.DAEMON_SETS, new Table(WorkloadRows.DAEMON_SET, (o, now) -> WorkloadRows.daemonSet((DaemonSet) o, now))),
            Map.entry(ApiResources.JOBS, new Table(WorkloadRows.JOB, (o, now) -> WorkloadRows.job((Job) o, now))),
            Map.entry(ApiResources.SERVICES, new Table(ServiceRows.SERVICE, (o, now) -> ServiceRows.service((Service) o, now))),
            Map.entry(ApiResources.ENDPOINTS, new Table(ServiceRows.ENDPOINTS, (o, now) -> ServiceRows.endpoints((Endpoints) o, now))),
            Map.entry(ApiResources.ENDPOINT_SLICES, new Table(ServiceRows.ENDPOINT_SLICE,
                    (o, now) -> ServiceRows.endpointSlice((EndpointSlice) o, now))),
            Map.entry(ApiResources.INGRESSES, new Table(ServiceRows.INGRESS, (o, now) -> ServiceRows.ingress((Ingress) o, now))),
            Map.entry(ApiResources.INGRESS_CLASSES, new Table(ServiceRows.INGRESS_CLASS,
                    (o, now) -> ServiceRows.ingressClass((io.fabric8.kubernetes.api.model.networking.v1.IngressClass) o, now))),
            Map.entry(ApiResources.NODES, new Table(ClusterRows.NODE, (o, now) -> ClusterRows.node((Node) o, now))),
            Map.entry(ApiResources.NAMESPACES, new Table(ClusterRows.NAMESPACE, (o, now) -> ClusterRows.namespace((Namespace) o, now))),
            Map.entry(ApiResources.EVENTS, new Table(ClusterRows.EVENT, (o, now) -> ClusterRows.event((Event) o, now))),
            Map.entry(ApiResources.CONFIG_MAPS, new Table(ClusterRows.CONFIG_MAP, (o, now) -> ClusterRows.configMap((ConfigMap) o, now))),
            Map.entry(ApiResources.SECRETS, new Table(ClusterRows.SECRET, (o, now) -> ClusterRows.secret((Secret) o, now))),
            Map.entry(ApiResources.SERVICE_ACCOUNTS, new Table(ClusterRows.SERVICE_ACCOUNT,
                    (o, now) -> ClusterRows.serviceAccount((ServiceAccount) o, now))),
            Map.entry(ApiResources.LEASES, new Table(ClusterRows.LEASE, (o, now) -> ClusterRows.lease((Lease) o, now))));

    private Printers() {
    }

    static Table table(ResourceType type) {
        return TABLES.get(type);
    }

    /** One kind's objects as kubectl prints them; the caller separates kinds with a blank line. */
    static String render(ResourceType type, List<HasMetadata> objects, Instant now, Layout layout) {
        Table table = TABLES.get(type);
        TabWriter out = TabWriter.forTables();
        if (!layout.noHeaders()) {
            List<String> header = new ArrayList<>();
            if (layout.withNamespace()) {
                header.add("NAMESPACE");
            }
            for (Column column : table.columns()) {
                if (layout.wide() || !column.wide()) {
                    header.add(column.header());
                }
            }
            if (layout.showLabels()) {
                header.add("LABELS");
            }
            out.row(header);
        }
        for (HasMetadata object : objects) {
            List<String> all = table.row().apply(object, now);
            List<String> row = new ArrayList<>();
            if (layout.withNamespace()) {
                row.add(ClusterRows.nz(object.getMetadata().getNamespace()));
            }
            for (int i = 0; i < table.columns().size(); i++) {
                if (layout.wide() || !table.columns().get(i).wide()) {
                    String cell = all.get(i);
                    boolean nameColumn = table.columns().get(i).name().equals("Name");
                    row.add(nameColumn && layout.withKind() ? kindPrefix(type) + cell : cell);
                }
            }
            if (layout.showLabels()) {
                row.add(SelectorText.labels(object.getMetadata().getLabels()));
            }
            out.row(row);
        }
        return out.render();
    }

    /** "deployment.apps/", as kubectl prefixes names when it prints several kinds. */
    static String kindPrefix(ResourceType type) {
        return type.kind().toLowerCase(java.util.Locale.ROOT) + (type.group().isEmpty() ? "" : "." + type.group()) + "/";
    }
}
