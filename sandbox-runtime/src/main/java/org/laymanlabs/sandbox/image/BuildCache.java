package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.Diff;

/**
 * What a Dockerfile builder needs from the image store: "is there already an image for this
 * instruction on this parent?" and "commit this step as a new image". Mirrors moby's classic
 * builder cache (daemon/images/cache.go: a cache hit is a child of the parent image whose last
 * step is the same instruction) and CommitImage. The parent image's ID covers both its layer
 * chain and its config, so a hit returns the very same layers, by the same digests.
 */
public final class BuildCache {

    private final ImageStore store;

    BuildCache(ImageStore store) {
        this.store = store;
    }

    /**
     * The image this engine already built by running {@code createdBy} on {@code parent}
     * ({@code null} parent for {@code FROM scratch}).
     */
    public Optional<Image> lookup(Image parent, String createdBy) {
        Objects.requireNonNull(createdBy, "createdBy");
        return store.images().stream()
                .filter(i -> parent == null ? i.parent().isEmpty() : i.parent().filter(parent.id()::equals).isPresent())
                .filter(i -> i.history().size() == (parent == null ? 0 : parent.history().size()) + 1)
                .filter(i -> i.history().get(i.history().size() - 1).createdBy().equals(createdBy))
                .findFirst();
    }

    /**
     * Commits one build step on {@code parent} and adds the result, untagged, to the store.
     *
     * @param diff the step's file changes, or null for a metadata-only step (ENV, CMD…) that adds no layer
     */
    public Image commit(Image parent, Diff diff, ImageConfig config, String createdBy, String comment) {
        Layer top = parent == null ? null : parent.topLayer().orElse(null);
        if (diff != null) {
            top = top == null ? Layer.base(diff) : Layer.on(top, diff);
        }
        List<HistoryEntry> history = new ArrayList<>(parent == null ? List.of() : parent.history());
        history.add(new HistoryEntry(store.clock().now(), createdBy, comment, diff == null));
        Image image = Image.create(config, store.clock().now(), history, top, parent == null ? null : parent.id());
        return store.add(image);
    }
}
