package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.kubectl.TableConvertor;

/**
 * Mirrors the meta.k8s.io/v1 Table kube-apiserver answers when the client's Accept asks for one
 * ({@code application/json;as=Table;v=v1;g=meta.k8s.io}): the kind's column definitions and one
 * row per object, the cells as its printer fills them and the object as PartialObjectMetadata.
 * That is what {@code kubectl get} prints, so its columns are the server's.
 */
final class Tables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Tables() {
    }

    /** Whether the Accept header asks for a Table first. */
    static boolean wanted(String accept) {
        return accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
    }

    /** {@code withColumns} false leaves the definitions out, as watch events after the first do. */
    static ObjectNode of(ResourceType type, List<HasMetadata> objects, Instant now, String resourceVersion, boolean withColumns) {
        ObjectNode table = NODES.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode columns = table.putArray("columnDefinitions");
        if (withColumns) {
            for (TableConvertor.ColumnDefinition c : TableConvertor.columns(type).orElse(List.of())) {
                columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.name()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (HasMetadata object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            TableConvertor.cells(type, object, now).forEach(cells::add);
            ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", Codec.shared().toTree(object.getMetadata()));
        }
        return table;
    }
}
