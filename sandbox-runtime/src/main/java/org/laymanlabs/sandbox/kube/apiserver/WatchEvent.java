package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Mirrors watch.Event: one change to one object, as a watch stream delivers it. The object is
 * shared with the API server's cache; readers must copy it before changing it.
 *
 * @param revision the etcd revision of the change, which is the object's resourceVersion
 *                 (for a deletion, the revision that deleted it)
 */
public record WatchEvent(Type type, HasMetadata object, long revision) {

    /** watch.EventType. */
    public enum Type { ADDED, MODIFIED, DELETED }

    public WatchEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
    }
}
