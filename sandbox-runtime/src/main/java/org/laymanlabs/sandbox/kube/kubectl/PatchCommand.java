package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.apiserver.PatchType;

/**
 * Mirrors kubectl patch (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go): a strategic merge
 * patch by default, or a JSON merge patch with {@code --type merge}, given with {@code -p} in JSON
 * or YAML; prints {@code deployment.apps/web patched}, or {@code patched (no change)} when the
 * object came back the same.
 */
final class PatchCommand implements Subcommand {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Override
    public String path() {
        return "kubectl patch";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("patch", 'p', ""), Flag.string("type", '\0', "strategic"), Flag.string("patch-file"),
                Flag.array("filename", 'f'), Flag.string("output", 'o', ""), Flag.string("subresource"),
                Flag.optional("dry-run", "none"));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        String type = args.string("type");
        if (!List.of("json", "merge", "strategic").contains(type)) {
            throw KubectlException.error("--type must be one of [json merge strategic], not \"" + type + "\"");
        }
        String text = args.string("patch");
        if (text.isEmpty()) {
            throw KubectlException.error("must specify -p to patch");
        }
        if (type.equals("json")) {
            throw KubectlException.error("kubectl patch --type json is not available in the sandbox yet; "
                    + "use --type merge or the default strategic merge patch");
        }
        JsonNode patch;
        try {
            patch = YAML.readTree(text);
        } catch (Exception e) {
            throw KubectlException.error("unable to parse \"" + text + "\": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (patch == null || !patch.isObject()) {
            throw KubectlException.error("unable to parse \"" + text + "\": the patch must be a JSON object");
        }
        List<ResourceArgs.Target> targets = ResourceArgs.resolve(args.args());
        Failures failures = new Failures();
        for (ResourceArgs.Target target : targets) {
            if (target.name() == null) {
                throw KubectlException.error("resource name may not be empty");
            }
            String namespace = target.type().namespaced() ? session.namespace(args) : "";
            Optional<JsonNode> before = session.api().get(target.type(), namespace, target.name()).map(PatchCommand::withoutVersion);
            HasMetadata after = session.api().await(session.api().patch(target.type(), namespace, target.name(),
                    type.equals("merge") ? PatchType.JSON_MERGE : PatchType.STRATEGIC_MERGE, patch));
            boolean unchanged = before.isPresent() && before.get().equals(withoutVersion(after));
            session.out(Output.name(after) + " patched" + (unchanged ? " (no change)" : "") + "\n");
        }
        failures.report();
    }

    /** The object as kubectl compares it to decide "(no change)": everything but its resourceVersion. */
    private static JsonNode withoutVersion(HasMetadata object) {
        JsonNode tree = org.laymanlabs.sandbox.kube.api.Codec.shared().toTree(object);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("metadata")).remove("resourceVersion");
        return tree;
    }
}
