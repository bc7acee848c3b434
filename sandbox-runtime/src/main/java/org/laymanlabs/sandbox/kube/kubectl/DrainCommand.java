package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl drain (staging/src/k8s.io/kubectl/pkg/drain and pkg/cmd/drain/drain.go): cordon
 * the node, refuse (unless told otherwise) DaemonSet-managed pods, pods no controller would
 * recreate and pods with emptyDir data, skip mirror pods, then evict the rest and wait for them
 * to go.
 */
final class DrainCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl drain";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.bool("ignore-daemonsets", '\0'), Flag.bool("delete-emptydir-data", '\0'), Flag.bool("force", '\0'),
                Flag.integer("grace-period", '\0', -1), Flag.string("timeout", '\0', "0s"), Flag.string("selector", 'l', ""),
                Flag.string("pod-selector"), Flag.bool("disable-eviction", '\0'), Flag.optional("dry-run", "none"),
                Flag.integer("skip-wait-for-delete-timeout", '\0', 0), Flag.bool("ignore-errors", '\0'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty() && !args.changed("selector")) {
            throw KubectlException.usageHelp("USAGE: drain NODE [flags]", path());
        }
        List<Node> nodes = NodeCommands.nodes(args, session);
        for (Node node : nodes) {
            NodeCommands.setUnschedulable(node, true, session, DryRun.suffix(args));
        }
        List<String> pending = new ArrayList<>(nodes.stream().map(n -> n.getMetadata().getName()).toList());
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            List<String> problems = drain(name, args, session);
            if (!problems.isEmpty()) {
                String joined = problems.size() == 1 ? problems.get(0) : "[" + String.join(", ", problems) + "]";
                session.note("error: unable to drain node \"" + name + "\" due to error: " + joined + ", continuing command...");
                StringBuilder out = new StringBuilder("There are pending nodes to be drained:\n");
                pending.forEach(n -> out.append(' ').append(n).append('\n'));
                problems.forEach(p -> out.append(p).append('\n'));
                throw KubectlException.verbatim(out.toString());
            }
            pending.remove(name);
            session.out("node/" + name + " drained" + DryRun.suffix(args) + "\n");
        }
    }

    /** GetPodsForDeletion and the evictions; returns the reasons the node cannot be drained. */
    private static List<String> drain(String node, FlagSet.Parsed args, Session session) {
        List<Pod> evict = new ArrayList<>();
        List<String> daemonSets = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        List<String> localStorage = new ArrayList<>();
        for (Pod pod : session.api().list(Pod.class, "")) {
            if (!node.equals(pod.getSpec().getNodeName())) {
                continue;
            }
            var annotations = pod.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey("kubernetes.io/config.mirror")) {
                continue;
            }
            String id = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            boolean finished = "Succeeded".equals(pod.getStatus().getPhase()) || "Failed".equals(pod.getStatus().getPhase());
            OwnerReference controller = pod.getMetadata().getOwnerReferences().stream()
                    .filter(o -> Boolean.TRUE.equals(o.getController())).findFirst().orElse(null);
            if (controller != null && controller.getKind().equals("DaemonSet")) {
                daemonSets.add(id);
                continue;
            }
            if (!finished && controller == null) {
                unmanaged.add(id);
            }
            if (!finished && pod.getSpec().getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null)) {
                localStorage.add(id);
            }
            evict.add(pod);
        }
        List<String> problems = new ArrayList<>();
        if (!daemonSets.isEmpty() && !args.bool("ignore-daemonsets")) {
            problems.add("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + String.join(", ", daemonSets));
        }
        if (!unmanaged.isEmpty() && !args.bool("force")) {
            problems.add("cannot delete Pods that declare no controller (use --force to override): " + String.join(", ", unmanaged));
        }
        if (!localStorage.isEmpty() && !args.bool("delete-emptydir-data")) {
            problems.add("cannot delete Pods with local storage (use --delete-emptydir-data to override): "
                    + String.join(", ", localStorage));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> warnings = new ArrayList<>();
        if (!daemonSets.isEmpty()) {
            warnings.add("ignoring DaemonSet-managed Pods: " + String.join(", ", daemonSets));
        }
        if (!unmanaged.isEmpty()) {
            warnings.add("deleting Pods that declare no controller: " + String.join(", ", unmanaged));
        }
        if (!localStorage.isEmpty()) {
            warnings.add("deleting Pods with local storage: " + String.join(", ", localStorage));
        }
        if (!warnings.isEmpty()) {
            session.note("Warning: " + String.join("; ", warnings));
        }
        if (!DryRun.suffix(args).isEmpty()) {
            evict.forEach(p -> session.out("evicting pod " + p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()
                    + DryRun.suffix(args) + "\n"));
            return List.of();
        }
        evictAll(evict, args, session);
        return List.of();
    }

    private static void evictAll(List<Pod> pods, FlagSet.Parsed args, Session session) {
        Long grace = args.integer("grace-period") < 0 ? null : (long) args.integer("grace-period");
        for (Pod pod : pods) {
            session.note("evicting pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
            try {
                session.api().await(session.api().delete(ApiResources.PODS, pod.getMetadata().getNamespace(),
                        pod.getMetadata().getName(), DeletionPropagation.BACKGROUND, grace));
            } catch (ApiException e) {
                if (e.reason() != ApiException.Reason.NOT_FOUND) {
                    throw KubectlException.error(KubectlCommand.serverError(e));
                }
            }
        }
        Duration waited = Duration.ZERO;
        Duration limit = Duration.ofSeconds(grace == null ? 30 : grace).plusSeconds(30);
        while (waited.compareTo(limit) < 0 && pods.stream().anyMatch(p -> session.api().get(Pod.class,
                p.getMetadata().getNamespace(), p.getMetadata().getName()).filter(now -> now.getMetadata().getUid()
                .equals(p.getMetadata().getUid())).isPresent())) {
            session.api().clock().advance(Duration.ofMillis(100));
            waited = waited.plusMillis(100);
        }
        pods.forEach(p -> session.out("pod/" + p.getMetadata().getName() + " evicted\n"));
    }
}
