package org.laymanlabs.backend.workspace;

import java.util.stream.Collectors;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * What clicking an element of the map shows: a Kubernetes object as {@code kubectl get -o yaml}
 * prints it, or a container's main facts as {@code docker ps} and {@code docker inspect} give them.
 */
final class Inspector {

    private Inspector() {
    }

    static String inspect(Sandbox sandbox, MapElement element) {
        return switch (element.kind()) {
            case NODE -> yaml(sandbox, ApiResources.NODES, "", element.name());
            case POD -> yaml(sandbox, ApiResources.PODS, element.namespace(), element.name());
            case SERVICE -> yaml(sandbox, ApiResources.SERVICES, element.namespace(), element.name());
            case CONTAINER -> sandbox.containers().containers().find(element.name())
                    .map(Inspector::container)
                    .orElse("Error: No such container: " + element.name() + "\n");
        };
    }

    private static String yaml(Sandbox sandbox, ResourceType type, String namespace, String name) {
        if (!sandbox.hasCluster()) {
            return "This lab's sandbox has no Kubernetes cluster.\n";
        }
        return sandbox.cluster().api().get(type, namespace, name)
                .map(object -> Codec.shared().toYaml(object))
                .orElse("Error from server (NotFound): " + type.plural() + " \"" + name + "\" not found\n");
    }

    private static String container(Container c) {
        return "Name:      " + c.name() + "\n"
                + "Id:        " + c.id() + "\n"
                + "Image:     " + c.spec().image() + "\n"
                + "Command:   " + String.join(" ", c.argv()) + "\n"
                + "Status:    " + c.state().status().text() + (c.state().isRunning() ? "" : " (exit code " + c.state().exitCode() + ")") + "\n"
                + "Ports:     " + c.publishedPorts().stream().map(Object::toString).collect(Collectors.joining(", ")) + "\n"
                + "Networks:  " + c.endpoints().stream().map(e -> e.network().name() + " " + e.address())
                        .collect(Collectors.joining(", ")) + "\n";
    }

}
