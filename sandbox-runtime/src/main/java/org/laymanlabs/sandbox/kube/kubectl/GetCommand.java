package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables per kind with
 * kube-apiserver's columns, the NAMESPACE column with {@code -A}, kind prefixes when several kinds
 * are printed, {@code --show-labels}, label and field selectors, whole-object formats, and
 * "No resources found in default namespace." on stderr.
 */
final class GetCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl get";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("output", 'o', ""), Flag.string("selector", 'l', ""), Flag.string("field-selector"),
                Flag.bool("all-namespaces", 'A'), Flag.bool("show-labels", '\0'), Flag.bool("no-headers", '\0'),
                Flag.bool("watch", 'w'), Flag.bool("watch-only", '\0'), Flag.bool("show-kind", '\0'),
                Flag.bool("ignore-not-found", '\0'), Flag.string("sort-by"), Flag.string("chunk-size", '\0', "500"),
                Flag.array("label-columns", 'L'), Flag.array("filename", 'f'), Flag.bool("recursive", 'R'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.verbatim("You must specify the type of resource to get. Use \"kubectl api-resources\" for "
                    + "a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain "
                    + "<resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
                    + "See 'kubectl get -h' for help and examples\n");
        }
        Output output = Output.parse(args.string("output"));
        List<ResourceArgs.Target> targets = ResourceArgs.resolve(args.args());
        Query query = Query.from(args, session);
        boolean allNamespaces = args.bool("all-namespaces");
        if (allNamespaces && targets.stream().anyMatch(t -> t.name() != null)) {
            throw KubectlException.error("a resource cannot be retrieved by name across all namespaces");
        }
        Map<ResourceType, List<HasMetadata>> found = new LinkedHashMap<>();
        for (ResourceArgs.Target target : targets) {
            List<HasMetadata> objects = found.computeIfAbsent(target.type(), t -> new ArrayList<>());
            if (target.name() == null) {
                objects.addAll(query.list(target.type()));
            } else {
                Optional<HasMetadata> object = query.get(target.type(), target.name());
                if (object.isPresent()) {
                    objects.add(object.get());
                } else if (!args.bool("ignore-not-found")) {
                    session.error("Error from server (NotFound): " + target.type().groupResource() + " \"" + target.name()
                            + "\" not found");
                }
            }
        }
        long listedAt = session.api().resourceVersion();
        List<HasMetadata> all = found.values().stream().flatMap(List::stream).toList();
        if (args.bool("watch") || args.bool("watch-only")) {
            java.util.Optional<java.util.function.Function<HasMetadata, String>> printer = output.humanReadable()
                    ? java.util.Optional.empty() : java.util.Optional.of(output.perObject());
            follow(args, session, output, targets, query, found.size() > 1 || args.bool("show-kind"), listedAt, printer);
            if (args.bool("watch-only")) {
                return;
            }
            if (printer.isPresent()) {
                // get.go watch(): the listed objects go one by one through the printer the watch goes on with.
                all.forEach(o -> session.out(printer.get().apply(o)));
                return;
            }
        }
        if (!output.humanReadable()) {
            boolean single = targets.size() == 1 && targets.get(0).name() != null;
            if (!(all.isEmpty() && single)) {
                session.out(output.print(all, single));
            }
            return;
        }
        printTables(found, all, args, session, output, targets);
    }

    /** -w: watch the same kinds, names and selectors from the list's revision. */
    private static void follow(FlagSet.Parsed args, Session session, Output output, List<ResourceArgs.Target> targets,
                               Query query, boolean withKind, long listedAt,
                               java.util.Optional<java.util.function.Function<HasMetadata, String>> printer) {
        List<ResourceType> types = targets.stream().map(ResourceArgs.Target::type).distinct().toList();
        java.util.function.Predicate<HasMetadata> filter = o -> targets.stream().anyMatch(t -> t.type().kind().equals(o.getKind())
                && query.matcher(t.type(), t.name()).test(o));
        boolean allNamespaces = args.bool("all-namespaces");
        Printers.Layout layout = new Printers.Layout(output.format() == Output.Format.WIDE, allNamespaces, withKind,
                args.bool("show-labels"), true);
        session.follow(new GetWatch.Spec(types, allNamespaces ? "" : query.namespace(), filter, layout, listedAt, printer));
    }

    private static void printTables(Map<ResourceType, List<HasMetadata>> found, List<HasMetadata> all, FlagSet.Parsed args,
                                    Session session, Output output, List<ResourceArgs.Target> targets) {
        boolean allNamespaces = args.bool("all-namespaces");
        if (all.isEmpty()) {
            if (!session.failed() && targets.stream().allMatch(t -> t.name() == null)) {
                // get.go: only when every resource asked for is namespaced does it name the namespace.
                boolean allNamespaced = !allNamespaces && targets.stream().allMatch(t -> t.type().namespaced());
                session.note(allNamespaced ? "No resources found in " + session.namespace(args) + " namespace." : "No resources found");
            }
            return;
        }
        boolean withKind = found.size() > 1 || args.bool("show-kind");
        boolean first = true;
        for (Map.Entry<ResourceType, List<HasMetadata>> kind : found.entrySet()) {
            if (kind.getValue().isEmpty()) {
                continue;
            }
            if (!first) {
                session.out("\n");
            }
            first = false;
            Printers.Layout layout = new Printers.Layout(output.format() == Output.Format.WIDE,
                    allNamespaces && kind.getKey().namespaced(), withKind, args.bool("show-labels"), args.bool("no-headers"));
            session.out(Printers.render(kind.getKey(), kind.getValue(), session.now(), layout));
        }
    }
}
