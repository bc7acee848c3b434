package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.kube.api.Codec;

/**
 * Mirrors kubectl rollout undo (polymorphichelpers.DeploymentRollbacker): the pod template of the
 * previous revision, or of {@code --to-revision}, copied back into the deployment.
 */
final class RolloutUndo implements Subcommand {

    @Override
    public String path() {
        return "kubectl rollout undo";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.integer("to-revision", '\0', 0), Flag.string("selector", 'l', ""), Flag.array("filename", 'f'),
                Flag.optional("dry-run", "none"));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        for (Deployment d : RolloutCommands.deployments(args, session, "undo", path())) {
            undo(d, args.integer("to-revision"), session, DryRun.suffix(args));
        }
    }

    /** DeploymentRollbacker.Rollback. */
    private static void undo(Deployment d, long toRevision, Session session, String dryRun) {
        if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw KubectlException.error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume "
                    + Output.name(d) + "' and try again");
        }
        Map<Long, ReplicaSet> revisions = new TreeMap<>();
        Rollouts.replicaSets(d, session.api()).forEach(rs -> revisions.put(Rollouts.revision(rs), rs));
        ReplicaSet target;
        if (toRevision == 0) {
            List<Long> known = revisions.keySet().stream().sorted().toList();
            if (known.size() < 2) {
                throw KubectlException.error("no rollout history found for deployment \"" + d.getMetadata().getName() + "\"");
            }
            target = revisions.get(known.get(known.size() - 2));
        } else {
            target = revisions.get(toRevision);
            if (target == null) {
                throw KubectlException.error("unable to find specified revision " + toRevision + " in history");
            }
        }
        if (Rollouts.withoutHash(target.getSpec().getTemplate()).equals(Rollouts.withoutHash(d.getSpec().getTemplate()))) {
            session.out(Output.name(d) + " skipped rollback (current template already matches revision "
                    + Rollouts.revision(target) + ")\n");
            return;
        }
        if (dryRun.isEmpty()) {
            PodTemplateSpec template = Codec.shared().copy(target.getSpec().getTemplate());
            if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
                Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
                labels.remove(Rollouts.HASH);
                template.getMetadata().setLabels(labels);
            }
            Targets.update(d, session, live -> {
                live.getSpec().setTemplate(template);
                Map<String, String> annotations = new HashMap<>(live.getMetadata().getAnnotations() == null ? Map.of()
                        : live.getMetadata().getAnnotations());
                String cause = target.getMetadata().getAnnotations() == null ? null
                        : target.getMetadata().getAnnotations().get(Rollouts.CHANGE_CAUSE);
                if (cause == null) {
                    annotations.remove(Rollouts.CHANGE_CAUSE);
                } else {
                    annotations.put(Rollouts.CHANGE_CAUSE, cause);
                }
                live.getMetadata().setAnnotations(annotations);
                return live;
            });
        }
        session.out(Output.name(d) + " rolled back" + dryRun + "\n");
    }
}
