package org.laymanlabs.sandbox.docker;

import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.Volume;

/**
 * The Containers and Local Volumes rows of {@code docker system df}, from the container engine:
 * a container's size is its writable layer; a volume is active while a container mounts it.
 */
public final class EngineDiskUsage implements DiskUsageSource {

    private final ContainerEngine engine;

    public EngineDiskUsage(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public Row containers() {
        long size = 0;
        long reclaimable = 0;
        int active = 0;
        for (Container c : engine.containers().all()) {
            long layer = c.rootfs().changes().size();
            size += layer;
            if (c.state().isRunning()) {
                active++;
            } else {
                reclaimable += layer;
            }
        }
        return new Row(engine.containers().all().size(), active, size, reclaimable);
    }

    @Override
    public Row localVolumes() {
        long size = 0;
        long reclaimable = 0;
        int active = 0;
        for (Volume v : engine.volumes().all()) {
            boolean used = engine.containers().all().stream().anyMatch(c -> c.mounts().stream().anyMatch(m -> m.volume() == v));
            size += v.size();
            if (used) {
                active++;
            } else {
                reclaimable += v.size();
            }
        }
        return new Row(engine.volumes().all().size(), active, size, reclaimable);
    }

    @Override
    public Row buildCache() {
        return Row.EMPTY;
    }
}
