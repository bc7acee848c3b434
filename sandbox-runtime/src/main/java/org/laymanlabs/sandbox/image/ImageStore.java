package org.laymanlabs.sandbox.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * One sandbox's images: by ID, by tag and digest reference, over a counted layer store. Mirrors
 * moby daemon/images (ImageService: GetImage, TagImage, Images, ImageHistory, ImageDelete). It
 * holds references to the shared immutable layers, never copies of them.
 */
public final class ImageStore {

    private int maxImages = Integer.MAX_VALUE;
    private long maxLayerBytes = Long.MAX_VALUE;

    private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[a-f0-9]{64}");

    private final VirtualClock clock;
    private final ContainerUsage containers;
    private final Map<Digest, Image> images = new LinkedHashMap<>();
    private final Map<Digest, Instant> lastTagTime = new HashMap<>();
    private final ReferenceStore references = new ReferenceStore();
    private final LayerStore layers = new LayerStore();
    private final BuildCache buildCache = new BuildCache(this);

    public ImageStore(VirtualClock clock, ContainerUsage containers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.containers = Objects.requireNonNull(containers, "containers");
    }

    /**
     * Finds an image by reference, full ID or unambiguous ID prefix, in moby's order (GetImage).
     *
     * @throws DaemonException NOT_FOUND ({@code No such image: foo:latest}) or INVALID_PARAMETER
     */
    public Image resolve(String refOrId) {
        if (FULL_ID.matcher(refOrId).matches()) {
            Digest id = new Digest(refOrId.substring(refOrId.length() - 64));
            return byId(id).orElseThrow(() -> DaemonException.noSuchImage(id.toString()));
        }
        Reference reference;
        try {
            reference = Reference.parse(refOrId);
        } catch (InvalidReferenceException e) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, e.getMessage());
        }
        Optional<Digest> tagged = references.get(reference.withDefaultTag());
        if (tagged.isPresent()) {
            return images.get(tagged.get());
        }
        return searchIdPrefix(refOrId)
                .orElseThrow(() -> DaemonException.noSuchImage(reference.withDefaultTag().familiarString()));
    }

    private Optional<Image> searchIdPrefix(String prefix) {
        String hex = prefix.startsWith("sha256:") ? prefix.substring(7) : prefix;
        List<Image> matches = images.values().stream().filter(i -> i.id().hex().startsWith(hex)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    public Optional<Image> byId(Digest id) {
        return Optional.ofNullable(images.get(id));
    }

    public Collection<Image> images() {
        return List.copyOf(images.values());
    }

    /** Adds an image and takes references on its layers; adding one it already has changes nothing. */
    public Image add(Image image) {
        if (!images.containsKey(image.id())) {
            requireSpaceFor(image);
            images.put(image.id(), image);
            image.topLayer().ifPresent(layers::acquire);
        }
        return images.get(image.id());
    }

    /** Caps what this engine may hold (SandboxLimits' images and layerBytes), as a disk of that size would. */
    public void limit(int maxImages, long maxLayerBytes) {
        this.maxImages = maxImages;
        this.maxLayerBytes = maxLayerBytes;
    }

    /** A full disk refuses the image whole, before any of its layers is registered: nothing changes. */
    private void requireSpaceFor(Image image) {
        long added = image.layers().stream().filter(l -> !layers.contains(l.chainId())).mapToLong(Layer::size).sum();
        if (images.size() >= maxImages || layers.totalSize() + added > maxLayerBytes) {
            throw new DaemonException(DaemonException.Kind.SYSTEM, "failed to register layer: write /var/lib/docker/image: "
                    + "no space left on device (this sandbox holds at most " + maxImages + " images and "
                    + maxLayerBytes + " bytes of layers: remove some with docker rmi or docker image prune)");
        }
    }

    /** Points a tag or digest reference at the image, as a pull or push records it (no tag time). */
    public void addReference(Image image, Reference reference) {
        if (!images.containsKey(image.id())) {
            throw new IllegalArgumentException("not in this store: " + image);
        }
        references.add(reference.digestIfAny().isPresent() ? reference : reference.withDefaultTag(), image.id());
    }

    /** {@code docker tag}: points the tag at the image and records when (moby TagImage sets LastTagTime). */
    public void tag(Image image, Reference reference) {
        addReference(image, reference);
        lastTagTime.put(image.id(), clock.now());
    }

    public Optional<Digest> lookup(Reference reference) {
        return references.get(reference.digestIfAny().isPresent() ? reference : reference.withDefaultTag());
    }

    /** Every tag and digest reference to the image, sorted. */
    public List<Reference> references(Digest imageId) {
        return references.referencesTo(imageId);
    }

    /** The references in one repository, whatever image they point at. */
    public List<Reference> referencesIn(Reference repository) {
        return references.byRepository(repository);
    }

    /** When {@code docker tag} last tagged it here; pulls do not count, as in moby. */
    public Optional<Instant> lastTagTime(Digest imageId) {
        return Optional.ofNullable(lastTagTime.get(imageId));
    }

    /** Images built on this one by this engine. */
    public List<Image> children(Digest imageId) {
        return images.values().stream().filter(i -> i.parent().filter(imageId::equals).isPresent()).toList();
    }

    public List<ContainerUsage.User> containersUsing(Digest imageId) {
        return containers.usersOf(imageId);
    }

    public LayerStore layers() {
        return layers;
    }

    /** The Dockerfile builder's way in: cache lookups by (parent image, instruction) and commits. */
    public BuildCache buildCache() {
        return buildCache;
    }

    public VirtualClock clock() {
        return clock;
    }

    /** Removes references, as {@code docker rmi} does, and returns its lines (see {@link ImageDelete}). */
    public List<DeleteRecord> delete(String refOrId, boolean force, boolean prune) {
        return new ImageDelete(this).delete(refOrId, force, prune);
    }

    public List<ImageSummary> list(boolean all, String referencePattern) {
        return new ImageList(this).list(all, referencePattern);
    }

    /** The steps that made the image, newest first, as {@code docker history}. */
    public List<HistoryItem> history(String refOrId) {
        Image image = resolve(refOrId);
        List<HistoryItem> items = new ArrayList<>();
        List<Layer> chain = image.layers();
        int layerIndex = 0;
        for (HistoryEntry step : image.history()) {
            long size = step.emptyLayer() ? 0 : chain.get(layerIndex++).size();
            items.add(0, new HistoryItem(HistoryItem.MISSING, step.created(), step.createdBy(), size, step.comment(), List.of()));
        }
        labelSteps(image, items);
        return items;
    }

    /** Names the rows that are images this engine has: the image itself and, for local builds, its parents. */
    private void labelSteps(Image image, List<HistoryItem> items) {
        int row = 0;
        for (Image at = image; at != null && row < items.size(); ) {
            HistoryItem item = items.get(row);
            List<String> tags = references(at.id()).stream()
                    .filter(r -> r.tagIfAny().isPresent()).map(Reference::familiarString).toList();
            items.set(row, new HistoryItem(at.id().toString(), item.created(), item.createdBy(), item.size(), item.comment(), tags));
            Image parent = at.parent().flatMap(this::byId).orElse(null);
            row += parent == null ? items.size() : at.history().size() - parent.history().size();
            at = parent;
        }
    }

    /** One image's summary with its shared size and container count, as {@code docker system df -v} lists it. */
    public ImageSummary diskUsageSummary(Digest imageId) {
        return new ImageList(this).summaries(true).stream().filter(s -> s.id().equals(imageId)).findFirst()
                .orElseThrow(() -> DaemonException.noSuchImage(imageId.toString()));
    }

    public ImageDiskUsage diskUsage() {
        long size = layers.totalSize();
        long used = 0;
        int active = 0;
        for (ImageSummary summary : new ImageList(this).summaries(true)) {
            if (summary.containers() > 0) {
                active++;
                used += summary.size() - summary.sharedSize();
            }
        }
        return new ImageDiskUsage(images.size(), active, size, Math.max(size - used, 0));
    }

    void forget(Image image) {
        images.remove(image.id());
        lastTagTime.remove(image.id());
    }

    boolean removeReference(Reference reference) {
        return references.remove(reference);
    }
}
