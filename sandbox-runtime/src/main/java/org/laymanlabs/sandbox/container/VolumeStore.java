package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.time.VirtualClock;

/** Mirrors moby volume/service with the local driver: named volumes, created on first use or by {@code docker volume create}. */
public final class VolumeStore {

    private final VirtualClock clock;
    private final RandomIds ids;
    private final Map<String, Volume> volumes = new TreeMap<>();

    VolumeStore(VirtualClock clock, RandomIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates the volume, or returns it if it exists (as {@code docker volume create} does); no name makes an anonymous one. */
    public Volume create(String name) {
        String actual = name.isEmpty() ? ids.next() : name;
        if (!actual.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "create " + actual
                    + ": \"" + actual + "\" includes invalid characters for a local volume name, only"
                    + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        }
        return volumes.computeIfAbsent(actual, n -> new Volume(n, clock.now()));
    }

    /** {@code docker volume create [NAME]}: as {@link #create}, remembering that the API asked for it. */
    public Volume createRequested(String name) {
        boolean existed = !name.isEmpty() && volumes.containsKey(name);
        Volume volume = create(name);
        if (!existed) {
            volume.markRequested();
        }
        return volume;
    }

    public Volume get(String name) {
        return find(name).orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND,
                "get " + name + ": no such volume"));
    }

    public Optional<Volume> find(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    public List<Volume> all() {
        return new ArrayList<>(volumes.values());
    }

    void remove(Volume volume) {
        volumes.remove(volume.name());
    }
}
