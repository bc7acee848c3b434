package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mirrors kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go): the named
 * objects, or, when no object has exactly that name, every object whose name starts with it;
 * several descriptions separated by a blank line.
 */
final class DescribeCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl describe";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("selector", 'l', ""), Flag.bool("all-namespaces", 'A'), Flag.bool("show-events", true),
                Flag.array("filename", 'f'), Flag.bool("recursive", 'R'), Flag.string("chunk-size", '\0', "500"));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.error("You must specify the type of resource to describe. Use \"kubectl api-resources\" for "
                    + "a complete list of supported resources.");
        }
        List<ResourceArgs.Target> targets = ResourceArgs.resolve(args.args());
        Query query = Query.from(args, session);
        List<HasMetadata> objects = new ArrayList<>();
        Failures failures = new Failures();
        for (ResourceArgs.Target target : targets) {
            if (target.name() == null) {
                objects.addAll(query.list(target.type()));
                continue;
            }
            Optional<HasMetadata> exact = query.get(target.type(), target.name());
            if (exact.isPresent()) {
                objects.add(exact.get());
                continue;
            }
            List<HasMetadata> prefixed = query.list(target.type()).stream()
                    .filter(o -> o.getMetadata().getName().startsWith(target.name())).toList();
            if (prefixed.isEmpty()) {
                failures.server("Error from server (NotFound): " + target.type().groupResource() + " \"" + target.name() + "\" not found\n");
            }
            objects.addAll(prefixed);
        }
        if (objects.isEmpty() && failures.isEmpty()) {
            session.note(args.bool("all-namespaces") ? "No resources found" : "No resources found in " + query.namespace() + " namespace.");
            return;
        }
        boolean first = true;
        for (HasMetadata object : objects) {
            String text = describe(object, session, args.bool("show-events"));
            session.out(first ? text : "\n\n" + text);
            first = false;
        }
        failures.report();
    }

    private static String describe(HasMetadata object, Session session, boolean showEvents) {
        var events = showEvents ? DescribeEvents.of(object, session.api()) : null;
        if (object instanceof Pod pod) {
            return PodDescriber.describe(pod, events, session.now());
        } else if (object instanceof Deployment d) {
            return WorkloadDescriber.deployment(d, session.api(), events, session.now());
        } else if (object instanceof ReplicaSet rs) {
            return WorkloadDescriber.replicaSet(rs, session.api(), events, session.now());
        } else if (object instanceof Service svc) {
            return ClusterDescriber.service(svc, session.api(), events, session.now());
        } else if (object instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress ing) {
            return IngressDescriber.describe(ing, session.api(), events, session.now());
        } else if (object instanceof io.fabric8.kubernetes.api.model.Endpoints ep) {
            return EndpointsDescriber.describe(ep, events, session.now());
        } else if (object instanceof Node node) {
            return ClusterDescriber.node(node, session.api(), events, session.now());
        } else if (object instanceof Namespace ns) {
            return ClusterDescriber.namespace(ns);
        }
        throw KubectlException.error("kubectl describe " + object.getKind().toLowerCase(java.util.Locale.ROOT)
                + " is not available in the sandbox yet; use 'kubectl get " + object.getKind().toLowerCase(java.util.Locale.ROOT)
                + " " + object.getMetadata().getName() + " -o yaml'");
    }
}
