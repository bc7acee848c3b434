package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Digest;

/**
 * The engine's containers by ID, with lookup by name, full ID or unique ID prefix as moby's
 * daemon.GetContainer does. It also answers the image store's "who uses this image?".
 */
public final class ContainerStore implements ContainerUsage {

    private final Map<String, Container> byId = new LinkedHashMap<>();

    /** By exact name, full ID, or an ID prefix that only one container has. */
    public Container get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND,
                "No such container: " + nameOrId));
    }

    public Optional<Container> find(String nameOrId) {
        String name = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
        if (byId.containsKey(nameOrId)) {
            return Optional.of(byId.get(nameOrId));
        }
        Optional<Container> byName = byId.values().stream().filter(c -> c.name().equals(name)).findFirst();
        if (byName.isPresent() || nameOrId.isEmpty()) {
            return byName;
        }
        List<Container> prefixed = byId.values().stream().filter(c -> c.id().startsWith(nameOrId)).toList();
        if (prefixed.size() > 1) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER,
                    "multiple IDs found with provided prefix: " + nameOrId);
        }
        return prefixed.stream().findFirst();
    }

    public boolean nameTaken(String name) {
        return byId.values().stream().anyMatch(c -> c.name().equals(name));
    }

    /** Every container, newest first, as {@code docker ps -a} lists them. */
    public List<Container> all() {
        List<Container> all = new ArrayList<>(byId.values());
        Collections.reverse(all);
        return all;
    }

    void add(Container container) {
        byId.put(container.id(), container);
    }

    void remove(Container container) {
        byId.remove(container.id());
    }

    @Override
    public List<User> usersOf(Digest imageId) {
        return byId.values().stream().filter(c -> c.image().id().equals(imageId))
                .map(c -> new User(c.id(), c.state().isRunning())).toList();
    }
}
