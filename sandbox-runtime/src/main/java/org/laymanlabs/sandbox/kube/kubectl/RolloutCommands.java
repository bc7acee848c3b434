package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.kube.api.Codec;

/**
 * Mirrors kubectl rollout (staging/src/k8s.io/kubectl/pkg/cmd/rollout and
 * polymorphichelpers' status, history and rollback for deployments): status follows the
 * deployment by running the sandbox's clock, history lists the replica sets' revisions and
 * change causes, undo copies a revision's pod template back, restart stamps restartedAt.
 */
final class RolloutCommands {

    private RolloutCommands() {
    }

    static List<Subcommand> all() {
        return List.of(new Status(), new History(), new Undo(), restart(), pause(true), pause(false));
    }

    /** The deployments named by the arguments; other kinds get kubectl's "not implemented" error. */
    private static List<Deployment> deployments(FlagSet.Parsed args, Session session, String verb, String path) {
        if (args.args().isEmpty() && !args.changed("selector")) {
            throw KubectlException.error("required resource not specified");
        }
        Failures failures = new Failures();
        List<HasMetadata> objects = Targets.fetch(args.args(), args, session, failures);
        failures.report();
        return objects.stream().map(o -> {
            if (o instanceof Deployment d) {
                return d;
            }
            throw KubectlException.error(switch (verb) {
                case "status" -> "no status viewer has been implemented for " + o.getKind();
                case "history" -> "no history viewer has been implemented for " + o.getKind();
                case "undo" -> "no rollbacker has been implemented for " + o.getKind();
                default -> Output.name(o).substring(0, Output.name(o).indexOf('/')) + " is not supported by " + verb;
            });
        }).toList();
    }

    /** kubectl rollout status. */
    private static final class Status implements Subcommand {

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
            for (Deployment d : deployments(args, session, "status", path())) {
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

    /** kubectl rollout history. */
    private static final class History implements Subcommand {

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
            for (Deployment d : deployments(args, session, "history", path())) {
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

    /** kubectl rollout undo. */
    private static final class Undo implements Subcommand {

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
            for (Deployment d : deployments(args, session, "undo", path())) {
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

    /** kubectl rollout restart: a new pod template annotation, so the controller rolls every pod. */
    private static Subcommand restart() {
        return new Subcommand() {
            @Override
            public String path() {
                return "kubectl rollout restart";
            }

            @Override
            public List<Flag> flags() {
                return List.of(Flag.string("selector", 'l', ""), Flag.array("filename", 'f'), Flag.optional("dry-run", "none"));
            }

            @Override
            public void run(FlagSet.Parsed args, Session session) {
                if (args.args().isEmpty() && !args.changed("selector")) {
                    throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                            + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                            + "   '<resource> <name>'\n   '<resource>'\n");
                }
                for (Deployment d : deployments(args, session, "restart", path())) {
                    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
                        throw KubectlException.error("can't restart paused deployment (run rollout resume first)");
                    }
                    if (DryRun.suffix(args).isEmpty()) {
                        String at = session.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
                        Targets.update(d, session, live -> {
                            var meta = live.getSpec().getTemplate().getMetadata();
                            Map<String, String> annotations = new HashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
                            annotations.put("kubectl.kubernetes.io/restartedAt", at);
                            meta.setAnnotations(annotations);
                            return live;
                        });
                    }
                    session.out(Output.name(d) + " restarted" + DryRun.suffix(args) + "\n");
                }
            }
        };
    }

    /** kubectl rollout pause and resume. */
    private static Subcommand pause(boolean pause) {
        String verb = pause ? "pause" : "resume";
        return new Subcommand() {
            @Override
            public String path() {
                return "kubectl rollout " + verb;
            }

            @Override
            public List<Flag> flags() {
                return List.of(Flag.string("selector", 'l', ""), Flag.array("filename", 'f'));
            }

            @Override
            public void run(FlagSet.Parsed args, Session session) {
                for (Deployment d : deployments(args, session, verb, path())) {
                    if (Boolean.TRUE.equals(d.getSpec().getPaused()) == pause) {
                        throw KubectlException.error("deployments.apps \"" + d.getMetadata().getName() + "\" is already "
                                + (pause ? "paused" : "resumed"));
                    }
                    Targets.update(d, session, live -> {
                        live.getSpec().setPaused(pause ? true : null);
                        return live;
                    });
                    session.out(Output.name(d) + " " + (pause ? "paused" : "resumed") + "\n");
                }
            }
        };
    }
}
