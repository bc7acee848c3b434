package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.DecodingException;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl apply (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, client-side): each
 * document is created with the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation, or three-way merged into the live object and reported created, configured or
 * unchanged. A bad document is reported and the others still apply; the exit status is then 1.
 */
final class ApplyCommand implements Subcommand {

    /** kubectl apply's maxPatchRetry (k8s.io/kubectl/pkg/cmd/apply/patcher.go). */
    private static final int MAX_PATCH_RETRY = 5;


    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String path() {
        return "kubectl apply";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.array("filename", 'f'), Flag.bool("recursive", 'R'), Flag.string("kustomize", 'k', ""),
                Flag.optional("validate", "strict"), Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""),
                Flag.bool("server-side", '\0'), Flag.string("field-manager", '\0', "kubectl-client-side-apply"),
                Flag.bool("force", '\0'), Flag.bool("prune", '\0'), Flag.string("selector", 'l', ""),
                Flag.bool("overwrite", true), Flag.bool("record", '\0'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.array("filename").isEmpty()) {
            throw KubectlException.error(args.changed("kustomize") ? "kustomize is not available in the sandbox"
                    : "must specify one of -f and -k");
        }
        if (!args.args().isEmpty()) {
            throw KubectlException.usageHelp("Unexpected args: " + args.args(), path());
        }
        Output output = Output.parse(args.string("output"));
        String suffix = DryRun.suffix(args);
        Manifests read = Manifests.read(args.array("filename"), args.bool("recursive"), session);
        Failures failures = new Failures();
        failures.reading(read.errors());
        List<HasMetadata> applied = new ArrayList<>();
        int count = 0;
        for (Manifests.Manifest manifest : Lists.expand(read.manifests())) {
            ManifestObject object;
            try {
                object = ManifestObject.map(manifest, session, args);
            } catch (IllegalArgumentException e) {
                failures.client(e.getMessage());
                continue;
            }
            count++;
            applyOne(object, session, failures, suffix, output, applied);
        }
        if (count == 0 && failures.isEmpty()) {
            throw KubectlException.error("no objects passed to apply");
        }
        if (!output.humanReadable() && !applied.isEmpty()) {
            session.out(output.print(applied, applied.size() == 1));
        }
        failures.report();
    }

    private void applyOne(ManifestObject object, Session session, Failures failures, String suffix, Output output,
                          List<HasMetadata> applied) {
        if (object.name().isEmpty()) {
            failures.client("error when retrieving current configuration of:\n" + object.info() + "\nfrom server for: \""
                    + object.source() + "\": resource name may not be empty");
            return;
        }
        ObjectNode modified = withLastApplied(object.tree());
        Optional<HasMetadata> existing = session.api().get(object.type(), object.namespace(), object.name());
        if (existing.isEmpty()) {
            Writes.create(object, modified, session, failures, suffix, output, applied);
            return;
        }
        patch(object, session, failures, suffix, output, applied, modified, existing.get(), MAX_PATCH_RETRY);
    }

    /**
     * Applies the three-way merge to the object as it is now. A Conflict means a controller (the
     * scheduler marking a pod unschedulable, say) wrote the object in between: kubectl's Patcher
     * then fetches it afresh and patches again, up to {@link #MAX_PATCH_RETRY} times.
     */
    private void patch(ManifestObject object, Session session, Failures failures, String suffix, Output output,
                       List<HasMetadata> applied, ObjectNode modified, HasMetadata current, int retries) {
        JsonNode currentTree = Codec.shared().toTree(current);
        String last = current.getMetadata().getAnnotations() == null ? null : current.getMetadata().getAnnotations().get(LAST_APPLIED);
        if (last == null) {
            session.note("Warning: resource " + object.type().groupResource() + "/" + object.name() + " is missing the "
                    + LAST_APPLIED + " annotation which is required by kubectl apply. kubectl apply should only be used on "
                    + "resources created declaratively by either kubectl create --save-config or kubectl apply. The missing "
                    + "annotation will be patched automatically.");
        }
        JsonNode original = parse(last);
        JsonNode merged = ThreeWayMerge.merge(currentTree, modified, original);
        HasMetadata updated;
        try {
            updated = object.decode(merged);
        } catch (DecodingException e) {
            failures.server("Error from server (BadRequest): " + patchError(object, currentTree, modified, original,
                    String.join(", ", e.onlyUnknownFields() ? List.of("strict decoding error: " + String.join(", ", e.problems()))
                            : e.problems())) + "\n");
            return;
        }
        if (Codec.shared().toTree(updated).equals(currentTree)) {
            session.out(Output.name(current) + " unchanged\n");
            applied.add(current);
            return;
        }
        if (!suffix.isEmpty()) {
            session.out(Output.name(current) + " configured" + suffix + "\n");
            return;
        }
        try {
            HasMetadata stored = session.api().await(session.api().update(updated));
            if (output.humanReadable()) {
                session.out(Output.name(stored) + " configured\n");
            }
            applied.add(stored);
        } catch (ApiException e) {
            Optional<HasMetadata> fresh = e.reason() == ApiException.Reason.CONFLICT && retries > 0
                    ? session.api().get(object.type(), object.namespace(), object.name()) : Optional.empty();
            if (fresh.isPresent()) {
                patch(object, session, failures, suffix, output, applied, modified, fresh.get(), retries - 1);
                return;
            }
            failures.server(e.reason() == ApiException.Reason.INVALID ? ServerErrors.print(e, updated, current)
                    : "Error from server (" + e.reason().word() + "): " + patchError(object, currentTree, modified, original,
                    e.getMessage()) + "\n");
        }
    }

    private static String patchError(ManifestObject object, JsonNode current, JsonNode modified, JsonNode original, String message) {
        JsonNode patch = ThreeWayMerge.patch(current, modified, original);
        return "error when applying patch:\n" + ManifestObject.compact(patch) + "\nto:\n" + object.info() + "\nfor: \""
                + object.source() + "\": " + message;
    }

    /**
     * GetModifiedConfiguration: the manifest with the annotation set to the manifest itself
     * (without that annotation, with an annotations map, keys sorted, and a final newline).
     */
    static ObjectNode withLastApplied(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        ObjectNode metadata = ManifestObject.metadata(copy);
        JsonNode annotations = metadata.get("annotations");
        ObjectNode map = annotations != null && annotations.isObject() ? (ObjectNode) annotations : metadata.putObject("annotations");
        map.remove(LAST_APPLIED);
        String value = ManifestObject.compact(copy) + "\n";
        map.put(LAST_APPLIED, value);
        return copy;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
