package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.UnionView;

/**
 * A read-only layer in its place in a chain. Mirrors moby layer/layer.go: the diffID addresses the
 * layer's own content, and the chain ID addresses the whole stack below and including it:
 * {@code ChainID(L1) = DiffID(L1)}, {@code ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln))}.
 * Layers are immutable and shared between every image and sandbox that has them.
 */
public final class Layer {

    private final Layer parent;
    private final Diff diff;
    private final Digest diffId;
    private final Digest chainId;
    private final long size;

    private Layer(Layer parent, Diff diff) {
        this.parent = parent;
        this.diff = Objects.requireNonNull(diff, "diff");
        this.diffId = diffIdOf(diff);
        this.chainId = parent == null ? diffId : Digest.sha256(parent.chainId + " " + diffId);
        this.size = diff.size();
    }

    /** The base layer of a chain. */
    public static Layer base(Diff diff) {
        return new Layer(null, diff);
    }

    /** {@code diff} stacked on {@code parent}. */
    public static Layer on(Layer parent, Diff diff) {
        return new Layer(Objects.requireNonNull(parent, "parent"), diff);
    }

    /** The layer's diffID: the digest of the diff's canonical form; equal diffs give equal IDs. */
    public static Digest diffIdOf(Diff diff) {
        return Digest.sha256(diff.canonicalForm());
    }

    public Optional<Layer> parent() {
        return Optional.ofNullable(parent);
    }

    public Diff diff() {
        return diff;
    }

    public Digest diffId() {
        return diffId;
    }

    public Digest chainId() {
        return chainId;
    }

    /** This layer's own size, as {@code docker history} shows it. */
    public long size() {
        return size;
    }

    /** This layer and every layer below it, lowest first. */
    public List<Layer> chain() {
        List<Layer> chain = new ArrayList<>();
        for (Layer at = this; at != null; at = at.parent) {
            chain.add(at);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The digest of the compressed blob a registry stores, as pull progress lines show it. */
    public Digest blobDigest() {
        return Digest.sha256("tar+gzip " + diffId);
    }

    /** The compressed blob's size; real base layers compress to roughly 40 %. */
    public long compressedSize() {
        return Math.max(32, size * 2 / 5);
    }

    /** The root filesystem this chain presents: the union of its diffs. */
    public UnionView rootfs() {
        return new UnionView(chain().stream().map(Layer::diff).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Layer layer && layer.chainId.equals(chainId);
    }

    @Override
    public int hashCode() {
        return chainId.hashCode();
    }

    @Override
    public String toString() {
        return "Layer[" + chainId + "]";
    }
}
