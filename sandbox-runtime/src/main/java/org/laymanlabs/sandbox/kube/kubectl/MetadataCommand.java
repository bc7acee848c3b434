package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kubectl label and kubectl annotate (staging/src/k8s.io/kubectl/pkg/cmd/label,
 * annotate): {@code KEY=VALUE} sets, {@code KEY-} removes, an existing key needs
 * {@code --overwrite}, and each object is reported labeled, unlabeled, not labeled or annotated.
 */
final class MetadataCommand implements Subcommand {

    private final boolean labels;

    private MetadataCommand(boolean labels) {
        this.labels = labels;
    }

    static MetadataCommand label() {
        return new MetadataCommand(true);
    }

    static MetadataCommand annotate() {
        return new MetadataCommand(false);
    }

    @Override
    public String path() {
        return labels ? "kubectl label" : "kubectl annotate";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.bool("overwrite", '\0'), Flag.string("selector", 'l', ""), Flag.bool("all", '\0'),
                Flag.bool("all-namespaces", 'A'), Flag.bool("list", '\0'), Flag.string("resource-version"),
                Flag.array("filename", 'f'), Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""),
                Flag.string("field-selector"), Flag.bool("local", '\0'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        List<String> resources = new ArrayList<>();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String arg : args.args()) {
            if (arg.contains("=")) {
                int eq = arg.indexOf('=');
                set.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (arg.endsWith("-") && !resources.isEmpty()) {
                remove.add(arg.substring(0, arg.length() - 1));
            } else {
                resources.add(arg);
            }
        }
        if (resources.isEmpty()) {
            throw KubectlException.error(labels ? "one or more resources must be specified as <resource> <name> or <resource>/<name>"
                    : "one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        if (set.isEmpty() && remove.isEmpty() && !args.bool("list")) {
            throw KubectlException.error("at least one " + (labels ? "label" : "annotation") + " update is required");
        }
        validate(set);
        Failures failures = new Failures();
        for (HasMetadata object : Targets.fetch(resources, args, session, failures)) {
            Map<String, String> current = current(object);
            if (args.bool("list")) {
                current.forEach((k, v) -> session.out(k + "=" + v + "\n"));
                continue;
            }
            if (!args.bool("overwrite")) {
                List<String> clashes = set.entrySet().stream().filter(e -> current.containsKey(e.getKey())
                        && !current.get(e.getKey()).equals(e.getValue()))
                        .map(e -> "'" + e.getKey() + "' already has a value (" + current.get(e.getKey()) + ")").toList();
                if (!clashes.isEmpty()) {
                    failures.client(labels ? clashes.get(0) + ", and --overwrite is false"
                            : "--overwrite is false but found the following declared annotation(s): " + String.join("; ", clashes));
                    continue;
                }
            }
            for (String key : remove) {
                if (!current.containsKey(key)) {
                    session.out((labels ? "label" : "annotation") + " \"" + key + "\" not found.\n");
                }
            }
            Map<String, String> wanted = new LinkedHashMap<>(current);
            remove.forEach(wanted::remove);
            wanted.putAll(set);
            String message;
            if (labels) {
                message = wanted.equals(current) ? "not labeled"
                        : !args.bool("overwrite") && wanted.size() < current.size() ? "unlabeled" : "labeled";
            } else {
                message = "annotated";
            }
            if (!wanted.equals(current) && DryRun.suffix(args).isEmpty()) {
                Targets.update(object, session, o -> {
                    if (labels) {
                        o.getMetadata().setLabels(wanted.isEmpty() ? null : wanted);
                    } else {
                        o.getMetadata().setAnnotations(wanted.isEmpty() ? null : wanted);
                    }
                    return o;
                });
            }
            session.out(Output.name(object) + " " + message + DryRun.suffix(args) + "\n");
        }
        failures.report();
    }

    private Map<String, String> current(HasMetadata object) {
        Map<String, String> map = labels ? object.getMetadata().getLabels() : object.getMetadata().getAnnotations();
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    /** Label values must be valid before anything is sent, as kubectl's parseLabels checks them. */
    private void validate(Map<String, String> set) {
        if (!labels) {
            return;
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            try {
                LabelQuery.parse(e.getKey() + "=" + e.getValue());
            } catch (IllegalArgumentException bad) {
                throw KubectlException.error("invalid label value: \"" + e.getKey() + "=" + e.getValue() + "\": "
                        + bad.getMessage().replaceFirst("^unable to parse requirement: values\\[0\\]\\[[^]]*\\]: Invalid value: \"[^\"]*\": ", "")
                        .replaceFirst("^unable to parse requirement: ", ""));
            }
        }
    }
}
