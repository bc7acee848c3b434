package org.laymanlabs.backend.workspace;

/**
 * Something drawn on the cluster map that the learner can click.
 *
 * @param namespace the Kubernetes namespace; empty for nodes and Docker objects
 */
public record MapElement(Kind kind, String namespace, String name) {

    public enum Kind { NODE, POD, SERVICE, CONTAINER }

    /** A stable text form for the browser: {@code pod/default/web-1}. */
    public String ref() {
        return kind.name().toLowerCase() + "/" + namespace + "/" + name;
    }

    public static MapElement parse(String ref) {
        String[] parts = ref.split("/", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a map element: " + ref);
        }
        return new MapElement(Kind.valueOf(parts[0].toUpperCase()), parts[1], parts[2]);
    }
}
