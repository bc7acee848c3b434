package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go): by name,
 * {@code TYPE/NAME}, {@code -l}, {@code --all} or {@code -f}; {@code pod "web" deleted}; and,
 * as {@code --wait} does, waiting until the objects are gone, here by running the sandbox's clock
 * for at most their grace period and a little more.
 */
final class DeleteCommand implements Subcommand {

    /** How long kubectl waits beyond the grace period before giving the prompt back. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(30);

    @Override
    public String path() {
        return "kubectl delete";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.array("filename", 'f'), Flag.bool("recursive", 'R'), Flag.string("selector", 'l', ""),
                Flag.bool("all", '\0'), Flag.bool("all-namespaces", 'A'), Flag.string("field-selector"),
                Flag.integer("grace-period", '\0', -1), Flag.bool("force", '\0'), Flag.bool("now", '\0'),
                Flag.bool("wait", true), Flag.string("timeout", '\0', "0s"), Flag.optional("cascade", "background"),
                Flag.bool("ignore-not-found", '\0'), Flag.string("output", 'o', ""), Flag.optional("dry-run", "none"),
                Flag.string("kustomize", 'k', ""));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        List<Victim> victims = new ArrayList<>();
        Failures failures = new Failures();
        if (!args.array("filename").isEmpty()) {
            fromFiles(args, session, victims, failures);
        } else if (args.args().isEmpty()) {
            throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n");
        } else {
            fromArgs(args, session, victims, failures);
        }
        Long grace = grace(args, session);
        DeletionPropagation propagation = switch (args.string("cascade")) {
            case "background", "true" -> DeletionPropagation.BACKGROUND;
            case "orphan", "false" -> DeletionPropagation.ORPHAN;
            case "foreground" -> DeletionPropagation.FOREGROUND;
            default -> throw KubectlException.error("invalid cascade value (" + args.string("cascade")
                    + "). Must be \"background\", \"foreground\", or \"orphan\"");
        };
        String suffix = DryRun.suffix(args);
        List<Victim> deleted = new ArrayList<>();
        for (Victim victim : victims) {
            if (suffix.isEmpty()) {
                try {
                    session.api().await(session.api().delete(victim.type(), victim.namespace(), victim.name(), propagation, grace));
                } catch (ApiException e) {
                    if (!(e.reason() == ApiException.Reason.NOT_FOUND && args.bool("ignore-not-found"))) {
                        failures.server(victim.source() == null ? KubectlCommand.serverError(e) + "\n"
                                : Writes.sourced(e, "deleting", victim.source(), null, null));
                    }
                    continue;
                }
            }
            deleted.add(victim);
            session.out(args.string("output").equals("name") ? Printers.kindPrefix(victim.type()) + victim.name() + "\n"
                    : victim.shortName() + (args.bool("force") && grace != null && grace == 0 ? " force deleted" : " deleted")
                    + suffix + "\n");
        }
        if (args.bool("wait") && suffix.isEmpty()) {
            awaitGone(deleted, grace, session);
        }
        failures.report();
    }

    /** One object to delete, and the file it came from (for "error when deleting"). */
    record Victim(ResourceType type, String namespace, String name, String source) {

        /** {@code pod "web"} or {@code deployment.apps "web"}, as delete names what it deleted. */
        String shortName() {
            String prefix = Printers.kindPrefix(type);
            return prefix.substring(0, prefix.length() - 1) + " \"" + name + "\"";
        }
    }

    private static void fromArgs(FlagSet.Parsed args, Session session, List<Victim> victims, Failures failures) {
        List<ResourceArgs.Target> targets = ResourceArgs.resolve(args.args());
        Query query = Query.from(args, session);
        boolean byName = targets.stream().allMatch(t -> t.name() != null);
        boolean selecting = args.bool("all") || args.changed("selector") || args.changed("field-selector");
        if (!byName && !selecting) {
            throw KubectlException.error("resource(s) were provided, but no name, label selector, or --all flag specified");
        }
        if (byName && selecting && (args.changed("selector") || args.bool("all"))) {
            throw KubectlException.error("name cannot be provided when a selector is specified");
        }
        boolean found = false;
        for (ResourceArgs.Target target : targets) {
            if (target.name() != null) {
                Optional<HasMetadata> object = query.get(target.type(), target.name());
                if (object.isEmpty()) {
                    if (!args.bool("ignore-not-found")) {
                        failures.server("Error from server (NotFound): " + target.type().groupResource() + " \"" + target.name()
                                + "\" not found\n");
                    }
                    continue;
                }
                victims.add(new Victim(target.type(), query.namespaceOf(target.type()), target.name(), null));
                found = true;
                continue;
            }
            for (HasMetadata object : query.list(target.type())) {
                victims.add(new Victim(target.type(), object.getMetadata().getNamespace() == null ? ""
                        : object.getMetadata().getNamespace(), object.getMetadata().getName(), null));
                found = true;
            }
        }
        if (!found && failures.isEmpty()) {
            session.out("No resources found\n");
        }
    }

    private static void fromFiles(FlagSet.Parsed args, Session session, List<Victim> victims, Failures failures) {
        Manifests read = Manifests.read(args.array("filename"), args.bool("recursive"), session);
        failures.reading(read.errors());
        for (Manifests.Manifest manifest : Lists.expand(read.manifests())) {
            try {
                ManifestObject object = ManifestObject.map(manifest, session, args);
                victims.add(new Victim(object.type(), object.namespace(), object.name(), object.source()));
            } catch (IllegalArgumentException e) {
                failures.client(e.getMessage());
            }
        }
    }

    private static Long grace(FlagSet.Parsed args, Session session) {
        int grace = args.integer("grace-period");
        if (args.bool("now")) {
            if (grace != -1) {
                throw KubectlException.error("--now and --grace-period cannot be specified together");
            }
            return 1L;
        }
        if (args.bool("force")) {
            session.note("Warning: Immediate deletion does not wait for confirmation that the running resource has been "
                    + "terminated. The resource may continue to run on the cluster indefinitely.");
            return grace < 0 ? 0L : (long) grace;
        }
        if (grace == 0) {
            throw KubectlException.error("--grace-period=0 must have --force specified");
        }
        return grace < 0 ? null : (long) grace;
    }

    /** waitForDeletion: runs the clock until every deleted object is gone, bounded by its grace period. */
    private static void awaitGone(List<Victim> deleted, Long grace, Session session) {
        Duration limit = Duration.ofSeconds(grace == null ? 30 : grace).plus(WAIT_MARGIN);
        Duration step = Duration.ofMillis(100);
        Duration waited = Duration.ZERO;
        while (waited.compareTo(limit) < 0 && deleted.stream().anyMatch(v -> session.api().get(v.type(), v.namespace(), v.name()).isPresent())) {
            session.api().clock().advance(step);
            waited = waited.plus(step);
        }
    }
}
