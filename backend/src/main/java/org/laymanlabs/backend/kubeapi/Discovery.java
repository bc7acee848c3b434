package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors kube-apiserver's discovery endpoints (endpoints/discovery): {@code /version}, the
 * aggregated {@code /api} and {@code /apis} (apidiscovery.k8s.io/v2, which kubectl 1.32 asks for
 * first, so that one request tells it every resource), and the legacy APIVersions, APIGroupList
 * and APIResourceList for clients that ask for plain JSON.
 */
final class Discovery {

    static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    private static final Set<String> IN_ALL = Set.of("pods", "services", "deployments", "replicasets", "daemonsets", "jobs");
    private static final Map<String, List<String>> SUBRESOURCES = Map.of(
            "pods", List.of("exec", "log", "status"), "deployments", List.of("scale", "status"),
            "replicasets", List.of("scale", "status"), "daemonsets", List.of("status"), "jobs", List.of("status"),
            "services", List.of("status"), "nodes", List.of("status"), "namespaces", List.of("finalize", "status"),
            "ingresses", List.of("status"));

    private Discovery() {
    }

    /** The served path's answer, or empty when it is not a discovery path. */
    static Optional<ApiResponse> answer(String path, String accept) {
        boolean aggregated = accept.contains("as=APIGroupDiscoveryList") && accept.contains("v=v2");
        return switch (path) {
            case "/version", "/version/" -> Optional.of(Status.json(200, version()));
            case "/api", "/api/" -> Optional.of(aggregated ? aggregated(List.of("")) : Status.json(200, apiVersions()));
            case "/apis", "/apis/" -> Optional.of(aggregated ? aggregated(groups()) : Status.json(200, groupList()));
            default -> groupOf(path).map(g -> Status.json(200, resourceList(g)));
        };
    }

    private static ObjectNode version() {
        return NODES.objectNode().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.5")
                .put("gitCommit", "9894294ef13a5b32803e3ca2c0d620a088cc84d1").put("gitTreeState", "clean")
                .put("buildDate", "2025-05-15T08:59:10Z").put("goVersion", "go1.23.8").put("compiler", "gc")
                .put("platform", "linux/amd64");
    }

    private static List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        ApiResources.ALL.stream().map(ResourceType::group).filter(g -> !g.isEmpty()).forEach(groups::add);
        return List.copyOf(groups);
    }

    private static Optional<String> groupOf(String path) {
        if (path.equals("/api/v1")) {
            return Optional.of("");
        }
        return groups().stream().filter(g -> path.equals("/apis/" + g + "/v1")).findFirst();
    }

    private static ApiResponse aggregated(List<String> groups) {
        ObjectNode list = NODES.objectNode().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        for (String group : groups) {
            ObjectNode item = items.addObject();
            ObjectNode metadata = item.putObject("metadata");
            if (!group.isEmpty()) {
                metadata.put("name", group);
            }
            ObjectNode version = item.putArray("versions").addObject().put("version", "v1");
            ArrayNode resources = version.putArray("resources");
            for (ResourceType type : ofGroup(group)) {
                ObjectNode resource = resources.addObject().put("resource", type.plural());
                resource.putObject("responseKind").put("group", group).put("version", "v1").put("kind", type.kind());
                resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster").put("singularResource", type.singular());
                strings(resource.putArray("verbs"), VERBS);
                if (!type.shortNames().isEmpty()) {
                    strings(resource.putArray("shortNames"), type.shortNames());
                }
                if (IN_ALL.contains(type.plural())) {
                    resource.putArray("categories").add("all");
                }
                List<String> subresources = SUBRESOURCES.getOrDefault(type.plural(), List.of());
                if (!subresources.isEmpty()) {
                    ArrayNode subs = resource.putArray("subresources");
                    for (String sub : subresources) {
                        ObjectNode s = subs.addObject().put("subresource", sub);
                        s.putObject("responseKind").put("group", group).put("version", "v1").put("kind", type.kind());
                        strings(s.putArray("verbs"), sub.equals("exec") || sub.equals("log") ? List.of("get")
                                : List.of("get", "patch", "update"));
                    }
                }
            }
            version.put("freshness", "Current");
        }
        byte[] body = Codec.shared().toStorage(list).getBytes(StandardCharsets.UTF_8);
        return new ApiResponse(200, Map.of("Content-Type", AGGREGATED, "Vary", "Accept"), body);
    }

    private static ObjectNode apiVersions() {
        ObjectNode versions = NODES.objectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", "10.0.0.10:6443");
        return versions;
    }

    private static ObjectNode groupList() {
        ObjectNode list = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String group : groups()) {
            ObjectNode g = groups.addObject().put("name", group);
            g.putArray("versions").addObject().put("groupVersion", group + "/v1").put("version", "v1");
            g.putObject("preferredVersion").put("groupVersion", group + "/v1").put("version", "v1");
        }
        return list;
    }

    private static ObjectNode resourceList(String group) {
        ObjectNode list = NODES.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? "v1" : group + "/v1");
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : ofGroup(group)) {
            ObjectNode r = resources.addObject().put("name", type.plural()).put("singularName", type.singular())
                    .put("namespaced", type.namespaced()).put("kind", type.kind());
            strings(r.putArray("verbs"), VERBS);
            if (!type.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), type.shortNames());
            }
            if (IN_ALL.contains(type.plural())) {
                r.putArray("categories").add("all");
            }
            for (String sub : SUBRESOURCES.getOrDefault(type.plural(), List.of())) {
                ObjectNode s = resources.addObject().put("name", type.plural() + "/" + sub).put("singularName", "")
                        .put("namespaced", type.namespaced()).put("kind", type.kind());
                strings(s.putArray("verbs"), sub.equals("exec") || sub.equals("log") ? List.of("get") : List.of("get", "patch", "update"));
            }
        }
        return list;
    }

    private static List<ResourceType> ofGroup(String group) {
        return ApiResources.ALL.stream().filter(t -> t.group().equals(group)).toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
