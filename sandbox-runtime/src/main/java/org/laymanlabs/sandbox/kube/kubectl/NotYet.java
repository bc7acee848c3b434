package org.laymanlabs.sandbox.kube.kubectl;

import java.util.List;

/**
 * kubectl verbs the sandbox does not have yet. They are real kubectl commands, so they must not
 * be "unknown command"; they answer with a clear error instead. attach, port-forward and cp
 * need interactive streams the sandbox's line-based terminal does not carry yet.
 */
final class NotYet {

    private NotYet() {
    }

    static List<Subcommand> all() {
        return List.of(notYet("attach", "it needs container streams, which are being built"),
                notYet("port-forward", "it needs streaming connections, which are being built"),
                notYet("edit", "edit the manifest in your workspace and run 'kubectl apply -f' instead"),
                notYet("replace", "use 'kubectl apply -f' instead"),
                notYet("top", "the sandbox has no metrics-server"),
                notYet("cp", "it needs container streams, which are being built"),
                notYet("diff", "use 'kubectl get TYPE NAME -o yaml' to compare"),
                notYet("events", "use 'kubectl get events' instead"),
                notYet("autoscale", "the sandbox has no metrics-server"),
                notYet("debug", "it needs container streams, which are being built"),
                notYet("certificate", "the sandbox has no certificate signing"),
                notYet("auth", "the sandbox has no authorization"),
                notYet("config", "the sandbox's kubeconfig has one context"),
                notYet("kustomize", "kustomize is not in the sandbox"));
    }

    private static Subcommand notYet(String verb, String why) {
        return new Subcommand() {
            @Override
            public String path() {
                return "kubectl " + verb;
            }

            @Override
            public List<Flag> flags() {
                return List.of();
            }

            @Override
            public boolean parsesFlags() {
                return false;
            }
            @Override
            public void run(FlagSet.Parsed args, Session session) {
                throw KubectlException.error("kubectl " + verb + " is not available in the sandbox yet: " + why);
            }
        };
    }
}
