package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kubectl rollout (staging/src/k8s.io/kubectl/pkg/cmd/rollout) for deployments: the verbs
 * (status, history and undo in their own classes), restart, which stamps restartedAt on the pod
 * template, and pause and resume.
 */
final class RolloutCommands {

    private RolloutCommands() {
    }

    static List<Subcommand> all() {
        return List.of(new RolloutStatus(), new RolloutHistory(), new RolloutUndo(), restart(), pause(true), pause(false));
    }

    /** The deployments named by the arguments; other kinds get kubectl's "not implemented" error. */
    static List<Deployment> deployments(FlagSet.Parsed args, Session session, String verb, String path) {
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
