package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kubectl set image (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go):
 * {@code CONTAINER=IMAGE} pairs ({@code *} for every container) on a pod or a workload's pod
 * template; an unchanged object is not reported.
 */
final class SetImageCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl set image";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("selector", 'l', ""), Flag.bool("all", '\0'), Flag.array("filename", 'f'),
                Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""), Flag.bool("local", '\0'),
                Flag.bool("record", '\0'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        List<String> resources = new ArrayList<>();
        Map<String, String> images = new LinkedHashMap<>();
        for (String arg : args.args()) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                images.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else {
                resources.add(arg);
            }
        }
        if (resources.isEmpty()) {
            throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n");
        }
        if (images.isEmpty()) {
            throw KubectlException.usageHelp("at least one image update is required", path());
        }
        Failures failures = new Failures();
        for (HasMetadata object : Targets.fetch(resources, args, session, failures)) {
            PodSpec spec = spec(object);
            if (spec == null) {
                failures.client("error: " + object.getKind().toLowerCase(java.util.Locale.ROOT) + "s/" + object.getMetadata().getName()
                        + " does not have a pod template");
                continue;
            }
            boolean changed = false;
            for (Map.Entry<String, String> wanted : images.entrySet()) {
                boolean found = false;
                for (Container c : containers(spec)) {
                    if (wanted.getKey().equals("*") || wanted.getKey().equals(c.getName())) {
                        found = true;
                        changed |= !wanted.getValue().equals(c.getImage());
                    }
                }
                if (!found) {
                    failures.client("unable to find container named \"" + wanted.getKey() + "\"");
                }
            }
            if (!changed) {
                continue;
            }
            if (DryRun.suffix(args).isEmpty()) {
                Targets.update(object, session, o -> {
                    for (Container c : containers(spec(o))) {
                        images.forEach((name, image) -> {
                            if (name.equals("*") || name.equals(c.getName())) {
                                c.setImage(image);
                            }
                        });
                    }
                    return o;
                });
            }
            session.out(Output.name(object) + " image updated" + DryRun.suffix(args) + "\n");
        }
        failures.report();
    }

    private static List<Container> containers(PodSpec spec) {
        List<Container> all = new ArrayList<>(spec.getInitContainers());
        all.addAll(spec.getContainers());
        return all;
    }

    static PodSpec spec(HasMetadata object) {
        if (object instanceof Pod pod) {
            return pod.getSpec();
        } else if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        } else if (object instanceof ReplicaSet rs) {
            return rs.getSpec().getTemplate().getSpec();
        } else if (object instanceof DaemonSet ds) {
            return ds.getSpec().getTemplate().getSpec();
        } else if (object instanceof io.fabric8.kubernetes.api.model.batch.v1.Job job) {
            return job.getSpec().getTemplate().getSpec();
        }
        return null;
    }
}
