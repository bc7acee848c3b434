package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.DecodingException;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * One manifest document mapped to the API, as the builder's mapper and kubectl's client-side
 * validation see it: its kind must be set and known, and its namespace is the file's, or the
 * command's when the file has none. Decoding into the API type is the server's job, so its
 * errors come back as the server words them.
 *
 * @param tree the document with its namespace filled in, as kubectl sends it
 */
record ManifestObject(String source, ResourceType type, String namespace, String name, ObjectNode tree) {

    /** Maps a document, or throws a client-side error in kubectl's words (without "error: "). */
    static ManifestObject map(Manifests.Manifest manifest, Session session, FlagSet.Parsed args) {
        JsonNode tree = manifest.tree();
        if (!tree.isObject()) {
            throw new IllegalArgumentException("unable to decode \"" + manifest.source() + "\": json: cannot unmarshal "
                    + (tree.isArray() ? "array" : "string") + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }");
        }
        String kind = tree.path("kind").asText("");
        String apiVersion = tree.path("apiVersion").asText("");
        boolean validate = !args.values().containsKey("validate") || !args.string("validate").equals("false");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            if (!validate) {
                throw new IllegalArgumentException("unable to decode \"" + manifest.source() + "\": Object 'Kind' is missing in '"
                        + compact(tree) + "'");
            }
            List<String> missing = new ArrayList<>();
            if (kind.isEmpty()) {
                missing.add("kind not set");
            }
            if (apiVersion.isEmpty()) {
                missing.add("apiVersion not set");
            }
            throw new IllegalArgumentException("error validating \"" + manifest.source() + "\": error validating data: "
                    + (missing.size() == 1 ? missing.get(0) : "[" + String.join(", ", missing) + "]")
                    + "; if you choose to ignore these errors, turn validation off with --validate=false");
        }
        String name = tree.path("metadata").path("name").asText("");
        String fileNamespace = tree.path("metadata").path("namespace").asText("");
        ResourceType type = ApiResources.byKind(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
                "resource mapping not found for name: \"" + name + "\" namespace: \"" + fileNamespace + "\" from \""
                        + manifest.source() + "\": no matches for kind \"" + kind + "\" in version \"" + apiVersion
                        + "\"\nensure CRDs are installed first"));
        ObjectNode copy = tree.deepCopy();
        String namespace = "";
        if (type.namespaced()) {
            String commandNamespace = session.namespace(args);
            if (!fileNamespace.isEmpty() && args.changed("namespace") && !fileNamespace.equals(commandNamespace)) {
                throw new IllegalArgumentException("the namespace from the provided object \"" + fileNamespace + "\" does not "
                        + "match the namespace \"" + commandNamespace + "\". You must pass '--namespace=" + fileNamespace
                        + "' to perform this operation.");
            }
            namespace = fileNamespace.isEmpty() ? commandNamespace : fileNamespace;
            metadata(copy).put("namespace", namespace);
        } else if (copy.path("metadata").has("namespace")) {
            metadata(copy).remove("namespace");
        }
        return new ManifestObject(manifest.source(), type, namespace, name, copy);
    }

    static ObjectNode metadata(ObjectNode tree) {
        JsonNode metadata = tree.get("metadata");
        return metadata != null && metadata.isObject() ? (ObjectNode) metadata : tree.putObject("metadata");
    }

    /** Decodes as kube-apiserver does with fieldValidation=Strict. */
    HasMetadata decode(JsonNode value) throws DecodingException {
        return Codec.shared().decode(value, type.type());
    }

    /** The server's words for a body it cannot decode: "Deployment in version "v1" cannot be handled as a Deployment: ...". */
    String decodingMessage(DecodingException e) {
        String problems = String.join(", ", e.problems());
        return type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind() + ": "
                + (e.onlyUnknownFields() ? "strict decoding error: " + problems : problems);
    }

    /** resource.Info's String(): the mapping and the object, as apply's errors show it. */
    String info() {
        return "Resource: \"" + type.group() + "/" + type.version() + ", Resource=" + type.plural() + "\", GroupVersionKind: \""
                + type.group() + "/" + type.version() + ", Kind=" + type.kind() + "\"\nName: \"" + name + "\", Namespace: \""
                + namespace + "\"";
    }

    static String compact(JsonNode tree) {
        return Output.tree(tree).toString();
    }
}
