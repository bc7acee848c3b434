package org.laymanlabs.sandbox.container;

import java.time.Instant;
import java.util.List;

/**
 * A named volume of the local driver: a directory tree of its own that outlives the containers
 * that mount it. Its files are kept as a writable layer with nothing beneath.
 */
public final class Volume {

    private final String name;
    private final Instant created;
    private final RootFileSystem files = new RootFileSystem(List.of(), "/");
    private boolean requested;

    Volume(String name, Instant created) {
        this.name = name;
        this.created = created;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    /**
     * Whether {@code docker volume create} made it: the CLI sends empty label and option maps, so
     * inspect shows {@code {}}; a volume that {@code -v} made has none and shows {@code null}.
     */
    public boolean requested() {
        return requested;
    }

    void markRequested() {
        requested = true;
    }

    public RootFileSystem files() {
        return files;
    }

    /** {@code /var/lib/docker/volumes/NAME/_data}, where the local driver keeps it. */
    public String mountpoint() {
        return "/var/lib/docker/volumes/" + name + "/_data";
    }

    public long size() {
        return files.changes().size();
    }
}
