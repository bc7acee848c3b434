package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/**
 * Mirrors kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go) over the scale
 * subresource of deployments and replica sets: {@code deployment.apps/web scaled}, with
 * {@code --current-replicas} as a precondition.
 */
final class ScaleCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl scale";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.integer("replicas", '\0', -1), Flag.integer("current-replicas", '\0', -1),
                Flag.string("resource-version"), Flag.string("selector", 'l', ""), Flag.bool("all", '\0'),
                Flag.array("filename", 'f'), Flag.string("timeout", '\0', "0s"), Flag.optional("dry-run", "none"),
                Flag.string("output", 'o', ""));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (!args.changed("replicas")) {
            throw KubectlException.error("required flag(s) \"replicas\" not set");
        }
        int replicas = args.integer("replicas");
        if (replicas < 0) {
            throw KubectlException.usageHelp("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", path());
        }
        if (args.args().isEmpty()) {
            throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n");
        }
        Failures failures = new Failures();
        for (HasMetadata object : Targets.fetch(args.args(), args, session, failures)) {
            Integer now = object instanceof Deployment d ? d.getSpec().getReplicas()
                    : object instanceof ReplicaSet rs ? rs.getSpec().getReplicas() : null;
            if (now == null && !(object instanceof Deployment) && !(object instanceof ReplicaSet)) {
                failures.server("Error from server (NotFound): the server could not find the requested resource\n");
                continue;
            }
            int current = now == null ? 1 : now;
            if (args.integer("current-replicas") >= 0 && args.integer("current-replicas") != current) {
                failures.client("Expected replicas to be " + args.integer("current-replicas") + ", was " + current);
                continue;
            }
            if (DryRun.suffix(args).isEmpty()) {
                Targets.update(object, session, o -> {
                    if (o instanceof Deployment d) {
                        d.getSpec().setReplicas(replicas);
                    } else {
                        ((ReplicaSet) o).getSpec().setReplicas(replicas);
                    }
                    return o;
                });
            }
            session.out(Output.name(object) + " scaled" + DryRun.suffix(args) + "\n");
        }
        failures.report();
    }
}
