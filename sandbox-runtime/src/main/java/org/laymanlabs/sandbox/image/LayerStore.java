package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sandbox's read-only layers, each held once however many images use it, and counted.
 * Mirrors moby layer/layer_store.go: a layer is removed when its last reference goes. The layers
 * themselves are the shared immutable objects; this store holds only references and counts.
 */
public final class LayerStore {

    private final Map<Digest, Held> byChainId = new HashMap<>();

    private static final class Held {
        final Layer layer;
        int references;

        Held(Layer layer) {
            this.layer = layer;
        }
    }

    /** Takes a reference on {@code top} and every layer below it. */
    public void acquire(Layer top) {
        for (Layer layer : top.chain()) {
            byChainId.computeIfAbsent(layer.chainId(), id -> new Held(layer)).references++;
        }
    }

    /** Drops a reference on the chain; returns the layers that no one references any more, top first. */
    public List<Layer> release(Layer top) {
        List<Layer> removed = new ArrayList<>();
        for (Layer at = top; at != null; at = at.parent().orElse(null)) {
            Held held = byChainId.get(at.chainId());
            if (held == null) {
                throw new IllegalStateException("released a layer that was never acquired: " + at);
            }
            if (--held.references == 0) {
                byChainId.remove(at.chainId());
                removed.add(at);
            }
        }
        return removed;
    }

    public boolean contains(Digest chainId) {
        return byChainId.containsKey(chainId);
    }

    /** How many images (and containers) hold this layer. */
    public int references(Layer layer) {
        Held held = byChainId.get(layer.chainId());
        return held == null ? 0 : held.references;
    }

    public Collection<Layer> layers() {
        return byChainId.values().stream().map(h -> h.layer).toList();
    }

    /** Every layer's size counted once, as {@code docker system df} reports images' size. */
    public long totalSize() {
        return byChainId.values().stream().mapToLong(h -> h.layer.size()).sum();
    }
}
