package org.laymanlabs.sandbox.image;

import java.util.List;

/**
 * The container side's answer to "which containers use this image?", so that {@code docker rmi}
 * refuses or forces as moby does and {@code docker system df} counts active images. The container
 * engine implements it; until then, {@link #none()}.
 */
@FunctionalInterface
public interface ContainerUsage {

    /** Containers created from the image, running or not. */
    List<User> usersOf(Digest imageId);

    static ContainerUsage none() {
        return imageId -> List.of();
    }

    /** @param containerId the container's full (or short) ID */
    record User(String containerId, boolean running) {

        public String shortId() {
            return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
        }
    }
}
