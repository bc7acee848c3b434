package org.laymanlabs.sandbox.container;

/** A volume mounted at a path in a container ({@code -v data:/data}). */
public record Mount(Volume volume, String destination) {

    /** Whether a container path lies at or under the mount point. */
    boolean covers(String path) {
        return path.equals(destination) || path.startsWith(destination + "/");
    }

    /** The path inside the volume. */
    String inside(String path) {
        String rest = path.substring(destination.length());
        return rest.isEmpty() ? "/" : rest;
    }
}
