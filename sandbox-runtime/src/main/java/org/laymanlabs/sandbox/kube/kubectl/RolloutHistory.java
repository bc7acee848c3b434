package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors kubectl rollout history (polymorphichelpers.DeploymentHistoryViewer): the revisions of the
 * deployment's replica sets with their change causes, or one revision's pod template.
 */
final class RolloutHistory implements Subcommand {

    @Override
    public String path() {
        return "kubectl rollout history";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.integer("revision", '\0', 0), Flag.string("selector", 'l', ""), Flag.array("filename", 'f'),
                Flag.string("output", 'o', ""));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        for (Deployment d : RolloutCommands.deployments(args, session, "history", path())) {
            Map<Long, ReplicaSet> revisions = new TreeMap<>();
            Rollouts.replicaSets(d, session.api()).forEach(rs -> revisions.put(Rollouts.revision(rs), rs));
            int wanted = args.integer("revision");
            if (wanted > 0) {
                ReplicaSet rs = revisions.get((long) wanted);
                if (rs == null) {
                    throw KubectlException.error("unable to find the specified revision");
                }
                session.out(Output.name(d) + " with revision #" + wanted + "\n" + RawTemplate.print(rs.getSpec().getTemplate()) + "\n");
                continue;
            }
            if (revisions.isEmpty()) {
                session.out(Output.name(d) + " \nNo rollout history found.\n");
                continue;
            }
            TabWriter table = new TabWriter(0, 2);
            table.write("REVISION\tCHANGE-CAUSE\n");
            revisions.forEach((revision, rs) -> {
                String cause = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(Rollouts.CHANGE_CAUSE);
                table.write(revision + "\t" + (cause == null || cause.isEmpty() ? "<none>" : cause) + "\n");
            });
            session.out(Output.name(d) + " \n" + table.render() + "\n");
        }
    }
}
