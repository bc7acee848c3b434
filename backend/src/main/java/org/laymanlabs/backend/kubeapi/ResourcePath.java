package org.laymanlabs.backend.kubeapi;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * A resource URL as kube-apiserver's installer registers them (endpoints/installer.go):
 * {@code /api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]]} for the core group and
 * {@code /apis/GROUP/VERSION/...} for the others.
 *
 * @param namespace the namespace in the URL, "" for a cluster-scoped kind or all namespaces
 * @param name      the object's name, "" for the collection
 */
record ResourcePath(ResourceType type, String namespace, String name, String subresource) {

    boolean collection() {
        return name.isEmpty();
    }

    /** The resource this path names, or empty for a path kube-apiserver serves nothing at. */
    static Optional<ResourcePath> parse(String path) {
        List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        String group;
        int at;
        if (parts.size() >= 3 && parts.get(0).equals("api") && parts.get(1).equals("v1")) {
            group = "";
            at = 2;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            at = 3;
            if (!parts.get(2).equals("v1")) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        List<String> rest = parts.subList(at, parts.size());
        String namespace = "";
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return Optional.empty();
        }
        String plural = rest.get(0);
        Optional<ResourceType> type = ApiResources.ALL.stream()
                .filter(t -> t.group().equals(group) && t.plural().equals(plural)).findFirst();
        if (type.isEmpty() || (!namespace.isEmpty() && !type.get().namespaced())) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(type.get(), namespace, rest.size() > 1 ? rest.get(1) : "",
                rest.size() > 2 ? rest.get(2) : ""));
    }
}
