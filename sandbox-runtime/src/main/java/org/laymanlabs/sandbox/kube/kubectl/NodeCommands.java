package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;

/**
 * Mirrors kubectl cordon, uncordon (staging/src/k8s.io/kubectl/pkg/cmd/drain) and taint
 * (pkg/cmd/taint): spec.unschedulable, and taints added ({@code key=value:Effect}) or removed
 * ({@code key:Effect-}, {@code key-}).
 */
final class NodeCommands {

    private NodeCommands() {
    }

    static List<Subcommand> all() {
        return List.of(cordon(true), cordon(false), new TaintCommand(), new DrainCommand());
    }

    private static Subcommand cordon(boolean cordon) {
        String verb = cordon ? "cordon" : "uncordon";
        return new Subcommand() {
            @Override
            public String path() {
                return "kubectl " + verb;
            }

            @Override
            public List<Flag> flags() {
                return List.of(Flag.string("selector", 'l', ""), Flag.optional("dry-run", "none"));
            }

            @Override
            public void run(FlagSet.Parsed args, Session session) {
                if (args.args().isEmpty() && !args.changed("selector")) {
                    throw KubectlException.usageHelp("USAGE: " + verb + " NODE [flags]", path());
                }
                for (Node node : nodes(args, session)) {
                    setUnschedulable(node, cordon, session, DryRun.suffix(args));
                }
            }
        };
    }

    static List<Node> nodes(FlagSet.Parsed args, Session session) {
        List<Node> nodes = new ArrayList<>();
        if (args.args().isEmpty()) {
            Query.from(args, session).list(ApiResources.NODES).forEach(n -> nodes.add((Node) n));
            return nodes;
        }
        for (String name : args.args()) {
            nodes.add(session.api().get(Node.class, "", name).orElseThrow(() -> KubectlException.verbatim(
                    "Error from server (NotFound): nodes \"" + name + "\" not found\n")));
        }
        return nodes;
    }

    /** RunCordonOrUncordon: "node/worker-1 cordoned", or "already cordoned" when there is nothing to do. */
    static void setUnschedulable(Node node, boolean cordon, Session session, String dryRun) {
        String verb = cordon ? "cordoned" : "uncordoned";
        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable()) == cordon) {
            session.out("node/" + node.getMetadata().getName() + " already " + verb + "\n");
            return;
        }
        if (dryRun.isEmpty()) {
            Targets.update(node, session, n -> {
                n.getSpec().setUnschedulable(cordon ? true : null);
                return n;
            });
        }
        session.out("node/" + node.getMetadata().getName() + " " + verb + dryRun + "\n");
    }

    /** kubectl taint. */
    private static final class TaintCommand implements Subcommand {

        private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

        @Override
        public String path() {
            return "kubectl taint";
        }

        @Override
        public List<Flag> flags() {
            return List.of(Flag.bool("overwrite", '\0'), Flag.string("selector", 'l', ""), Flag.bool("all", '\0'),
                    Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""), Flag.optional("validate", "strict"));
        }

        @Override
        public void run(FlagSet.Parsed args, Session session) {
            List<String> resources = new ArrayList<>();
            List<Taint> add = new ArrayList<>();
            List<Taint> remove = new ArrayList<>();
            for (String arg : args.args()) {
                if (arg.contains("=") || arg.contains(":") || (arg.endsWith("-") && resources.size() >= 2)) {
                    parse(arg, add, remove);
                } else {
                    resources.add(arg);
                }
            }
            if (resources.isEmpty() || (resources.size() == 1 && !resources.get(0).contains("/") && !args.bool("all")
                    && !args.changed("selector"))) {
                throw KubectlException.error("one or more resources must be specified as <resource> <name>");
            }
            if (add.isEmpty() && remove.isEmpty()) {
                throw KubectlException.usageHelp("at least one taint update is required", path());
            }
            Failures failures = new Failures();
            for (HasMetadata object : Targets.fetch(resources, args, session, failures)) {
                if (!(object instanceof Node node)) {
                    failures.client("taint is only supported on nodes");
                    continue;
                }
                taint(node, add, remove, args, session, failures);
            }
            failures.report();
        }

        private void taint(Node node, List<Taint> add, List<Taint> remove, FlagSet.Parsed args, Session session, Failures failures) {
            List<Taint> taints = new ArrayList<>(node.getSpec().getTaints());
            if (!args.bool("overwrite")) {
                for (Taint wanted : add) {
                    if (taints.stream().anyMatch(t -> t.getKey().equals(wanted.getKey()) && t.getEffect().equals(wanted.getEffect()))) {
                        failures.client("node " + node.getMetadata().getName() + " already has " + wanted.getKey()
                                + " taint(s) with same effect(s) and --overwrite is false");
                        return;
                    }
                }
            }
            boolean removed = false;
            for (Taint gone : remove) {
                boolean matched = taints.removeIf(t -> t.getKey().equals(gone.getKey())
                        && (gone.getEffect() == null || gone.getEffect().equals(t.getEffect())));
                if (!matched) {
                    failures.client("taint \"" + gone.getKey() + (gone.getEffect() == null ? "" : ":" + gone.getEffect()) + "\" not found");
                    return;
                }
                removed = true;
            }
            for (Taint wanted : add) {
                taints.removeIf(t -> t.getKey().equals(wanted.getKey()) && t.getEffect().equals(wanted.getEffect()));
                taints.add(wanted);
            }
            if (DryRun.suffix(args).isEmpty()) {
                Targets.update(node, session, n -> {
                    n.getSpec().setTaints(taints.isEmpty() ? null : taints);
                    return n;
                });
            }
            String operation = !add.isEmpty() && removed ? "modified" : removed ? "untainted" : "tainted";
            session.out("node/" + node.getMetadata().getName() + " " + operation + DryRun.suffix(args) + "\n");
        }

        /** parseTaints: KEY[=VALUE]:EFFECT to add, KEY[:EFFECT]- to remove. */
        private static void parse(String spec, List<Taint> add, List<Taint> remove) {
            boolean removing = spec.endsWith("-");
            String body = removing ? spec.substring(0, spec.length() - 1) : spec;
            int colon = body.lastIndexOf(':');
            String keyValue = colon >= 0 ? body.substring(0, colon) : body;
            String effect = colon >= 0 ? body.substring(colon + 1) : null;
            if (effect != null && !EFFECTS.contains(effect)) {
                throw KubectlException.error("invalid taint effect: " + effect + ", unsupported taint effect");
            }
            int eq = keyValue.indexOf('=');
            String key = eq >= 0 ? keyValue.substring(0, eq) : keyValue;
            String value = eq >= 0 ? keyValue.substring(eq + 1) : null;
            if (key.isEmpty()) {
                throw KubectlException.error("invalid taint spec: " + spec);
            }
            if (removing) {
                remove.add(new Taint(effect, key, null, value));
            } else {
                if (effect == null) {
                    throw KubectlException.error("invalid taint spec: " + spec);
                }
                add.add(new Taint(effect, key, null, value));
            }
        }
    }
}
