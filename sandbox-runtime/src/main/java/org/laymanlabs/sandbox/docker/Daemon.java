package org.laymanlabs.sandbox.docker;

import java.util.Objects;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.Puller;
import org.laymanlabs.sandbox.image.Pusher;
import org.laymanlabs.sandbox.image.Registry;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * What the docker CLI talks to inside one sandbox, in place of dockerd's API: the image store,
 * the registry, the clock, and the other features' disk usage.
 */
public record Daemon(ImageStore images, Registry registry, VirtualClock clock, DiskUsageSource diskUsage) {

    public Daemon {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(diskUsage, "diskUsage");
    }

    /** A fresh engine with no images, pulling from the shared catalog. */
    public static Daemon forSandbox(VirtualClock clock, ContainerUsage containers) {
        return new Daemon(new ImageStore(clock, containers), Catalog.shared().registry(), clock, DiskUsageSource.none());
    }

    public Puller puller() {
        return new Puller(images, registry);
    }

    public Pusher pusher() {
        return new Pusher(images, registry);
    }
}
