package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Mirrors the builder's FlattenListVisitor: a manifest of kind List stands for its items. */
final class Lists {

    private Lists() {
    }

    static List<Manifests.Manifest> expand(List<Manifests.Manifest> manifests) {
        List<Manifests.Manifest> out = new ArrayList<>();
        for (Manifests.Manifest m : manifests) {
            JsonNode tree = m.tree();
            if (tree.isObject() && tree.path("kind").asText("").endsWith("List") && tree.path("items").isArray()) {
                tree.path("items").forEach(item -> out.add(new Manifests.Manifest(m.source(), item)));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
