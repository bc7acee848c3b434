package org.laymanlabs.sandbox.image;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.UnionView;

/**
 * An image: a config plus a chain of read-only layers, identified by the digest of its config
 * JSON (moby image/image.go). Immutable, like a class that containers are instances of.
 */
public final class Image {

    private final Digest id;
    private final ImageConfig config;
    private final Instant created;
    private final List<HistoryEntry> history;
    private final Layer topLayer;
    private final Digest parent;
    private final byte[] configJson;

    private Image(ImageConfig config, Instant created, List<HistoryEntry> history, Layer topLayer, Digest parent) {
        this.config = Objects.requireNonNull(config, "config");
        this.created = Objects.requireNonNull(created, "created");
        this.history = List.copyOf(history);
        this.topLayer = topLayer;
        this.parent = parent;
        long layerSteps = history.stream().filter(h -> !h.emptyLayer()).count();
        long layers = topLayer == null ? 0 : topLayer.chain().size();
        if (layerSteps != layers) {
            throw new IllegalArgumentException(
                    "history has " + layerSteps + " non-empty steps but the image has " + layers + " layers");
        }
        this.configJson = ImageJson.canonicalConfig(this);
        this.id = Digest.sha256(configJson);
    }

    /**
     * Builds an image from its parts and computes its ID.
     *
     * @param topLayer the top of the layer chain, or null for an image with no layers
     * @param parent   the image it was built on by this engine (classic builder), or null
     */
    public static Image create(ImageConfig config, Instant created, List<HistoryEntry> history,
                               Layer topLayer, Digest parent) {
        return new Image(config, created, history, topLayer, parent);
    }

    public Digest id() {
        return id;
    }

    public ImageConfig config() {
        return config;
    }

    public Instant created() {
        return created;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    public Optional<Layer> topLayer() {
        return Optional.ofNullable(topLayer);
    }

    /** The layers, lowest first. */
    public List<Layer> layers() {
        return topLayer == null ? List.of() : topLayer.chain();
    }

    public List<Digest> diffIds() {
        return layers().stream().map(Layer::diffId).toList();
    }

    /** The image this engine built it on; pulled images have none. */
    public Optional<Digest> parent() {
        return Optional.ofNullable(parent);
    }

    /** The sum of its layers' sizes, as {@code docker images} shows. */
    public long size() {
        return layers().stream().mapToLong(Layer::size).sum();
    }

    /** The config JSON whose digest is the ID; a registry serves exactly these bytes. */
    public byte[] configJson() {
        return configJson.clone();
    }

    /** The filesystem a container of this image starts from. */
    public UnionView rootfs() {
        return topLayer == null ? new UnionView(List.of()) : topLayer.rootfs();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image && image.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Image[" + id + "]";
    }
}
