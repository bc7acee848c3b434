package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Duration;
import java.util.List;

/**
 * Mirrors kubectl rollout status (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go with
 * polymorphichelpers.DeploymentStatusViewer): follows the deployment by running the sandbox's clock,
 * printing each new message, until it is rolled out or the timeout passes.
 */
final class RolloutStatus implements Subcommand {

    @Override
    public String path() {
        return "kubectl rollout status";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.bool("watch", true), Flag.string("timeout", '\0', "0s"), Flag.integer("revision", '\0', 0),
                Flag.string("selector", 'l', ""), Flag.array("filename", 'f'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        for (Deployment d : RolloutCommands.deployments(args, session, "status", path())) {
            follow(d, args, session);
        }
    }

    private void follow(Deployment d, FlagSet.Parsed args, Session session) {
        String name = d.getMetadata().getName();
        String ns = d.getMetadata().getNamespace();
        Duration limit = timeout(args.string("timeout"), d);
        Duration waited = Duration.ZERO;
        String last = null;
        while (true) {
            Deployment now = session.api().get(Deployment.class, ns, name).orElseThrow(() -> KubectlException.verbatim(
                    "Error from server (NotFound): deployments.apps \"" + name + "\" not found\n"));
            String[] status = status(now);
            if (status[1] != null) {
                throw KubectlException.error(status[1]);
            }
            if (!status[0].equals(last)) {
                session.out(status[0] + "\n");
                last = status[0];
            }
            if (status[2] != null || !args.bool("watch")) {
                return;
            }
            if (waited.compareTo(limit) >= 0) {
                throw KubectlException.error("timed out waiting for the condition");
            }
            session.api().clock().advance(Duration.ofMillis(200));
            waited = waited.plusMillis(200);
        }
    }

    /** DeploymentStatusViewer.Status: the message, an error, and whether the rollout is done. */
    static String[] status(Deployment d) {
        String name = d.getMetadata().getName();
        var s = d.getStatus() == null ? new io.fabric8.kubernetes.api.model.apps.DeploymentStatus() : d.getStatus();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        long observed = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
        if (generation > observed) {
            return new String[] {"Waiting for deployment spec update to be observed...", null, null};
        }
        for (DeploymentCondition c : s.getConditions()) {
            if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
                return new String[] {"", "deployment \"" + name + "\" exceeded its progress deadline", null};
            }
        }
        int replicas = WorkloadRows.n(d.getSpec().getReplicas());
        int updated = WorkloadRows.n(s.getUpdatedReplicas());
        if (updated < replicas) {
            return new String[] {"Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + replicas
                    + " new replicas have been updated...", null, null};
        }
        if (WorkloadRows.n(s.getReplicas()) > updated) {
            return new String[] {"Waiting for deployment \"" + name + "\" rollout to finish: " + (WorkloadRows.n(s.getReplicas()) - updated)
                    + " old replicas are pending termination...", null, null};
        }
        if (WorkloadRows.n(s.getAvailableReplicas()) < updated) {
            return new String[] {"Waiting for deployment \"" + name + "\" rollout to finish: " + WorkloadRows.n(s.getAvailableReplicas())
                    + " of " + updated + " updated replicas are available...", null, null};
        }
        return new String[] {"deployment \"" + name + "\" successfully rolled out", null, "done"};
    }

    /** --timeout, or the deployment's progress deadline when none is given, so the prompt always comes back. */
    private static Duration timeout(String text, Deployment d) {
        Duration given = Durations.parse(text);
        if (!given.isZero()) {
            return given;
        }
        Integer deadline = d.getSpec().getProgressDeadlineSeconds();
        return Duration.ofSeconds(deadline == null ? 600 : deadline);
    }
}
