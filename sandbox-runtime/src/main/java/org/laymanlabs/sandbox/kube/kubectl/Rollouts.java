package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Comparator;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors kubectl's deploymentutil (staging/src/k8s.io/kubectl/pkg/util/deployment): the replica
 * sets a deployment controls, the new one (whose pod template equals the deployment's, ignoring
 * pod-template-hash), and their revisions from {@code deployment.kubernetes.io/revision}.
 */
final class Rollouts {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    static final String HASH = "pod-template-hash";

    private Rollouts() {
    }

    /** The replica sets whose controller is this deployment, by name. */
    static List<ReplicaSet> replicaSets(Deployment d, ApiServer api) {
        return api.list(ReplicaSet.class, d.getMetadata().getNamespace()).stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream().anyMatch(o -> Boolean.TRUE.equals(o.getController())
                        && o.getUid().equals(d.getMetadata().getUid())))
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName()))
                .toList();
    }

    /** FindNewReplicaSet: the oldest replica set whose template matches the deployment's. */
    static ReplicaSet newReplicaSet(Deployment d, List<ReplicaSet> owned) {
        JsonNode wanted = withoutHash(d.getSpec().getTemplate());
        return owned.stream().filter(rs -> withoutHash(rs.getSpec().getTemplate()).equals(wanted))
                .min(Comparator.comparing(rs -> rs.getMetadata().getCreationTimestamp() == null ? "" : rs.getMetadata().getCreationTimestamp()))
                .orElse(null);
    }

    /** EqualIgnoreHash: templates compared without the pod-template-hash label. */
    static JsonNode withoutHash(Object template) {
        JsonNode tree = Codec.shared().toTree(template);
        JsonNode labels = tree.path("metadata").path("labels");
        if (labels.isObject()) {
            ((ObjectNode) labels).remove(HASH);
            if (labels.isEmpty()) {
                ((ObjectNode) tree.path("metadata")).remove("labels");
            }
        }
        return tree;
    }

    static long revision(ReplicaSet rs) {
        var annotations = rs.getMetadata().getAnnotations();
        try {
            return annotations == null || !annotations.containsKey(REVISION) ? 0 : Long.parseLong(annotations.get(REVISION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
