package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pushes a tagged image from one sandbox's store to its registry. Mirrors moby
 * distribution/push_v2.go: layers top first, each "Layer already exists" in the target repository,
 * "Mounted from" another repository of the same registry, or "Pushed"; then the manifest.
 */
public final class Pusher {

    private final ImageStore store;
    private final Registry registry;

    public Pusher(ImageStore store, Registry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** @param reference a tagged reference (the CLI adds {@code :latest}) */
    public PushResult push(Reference reference) {
        Reference ref = reference.withDefaultTag();
        String repository = ref.name();
        if (!ref.domain().equals(Reference.DEFAULT_DOMAIN)) {
            return failed(repository, List.of(), Puller.unreachable(ref.domain()).getMessage());
        }
        if (store.referencesIn(ref.repository()).isEmpty()) {
            return failed(repository, List.of(), "An image does not exist locally with the tag: " + ref.familiarName());
        }
        Image image = store.lookup(ref).flatMap(store::byId).orElse(null);
        if (image == null) {
            return failed(repository, List.of(), "tag does not exist: " + ref.familiarString());
        }
        List<Layer> topFirst = new ArrayList<>(image.layers());
        Collections.reverse(topFirst);
        if (!registry.acceptsPush(ref)) {
            List<LayerProgress> preparing = topFirst.stream()
                    .map(l -> new LayerProgress(l.diffId().shortId(), "Preparing")).toList();
            return failed(repository, preparing, "denied: requested access to the resource is denied");
        }
        List<LayerProgress> lines = topFirst.stream().map(l -> upload(l, repository, image)).toList();
        Manifest manifest = Manifest.of(image);
        registry.push(ref, manifest);
        store.addReference(image, ref.withDigest(manifest.digest()));
        return new PushResult(repository, lines, null,
                ref.tag() + ": digest: " + manifest.digest() + " size: " + manifest.size());
    }

    private LayerProgress upload(Layer layer, String repository, Image image) {
        String id = layer.diffId().shortId();
        if (registry.hasBlob(repository, layer.blobDigest())) {
            return new LayerProgress(id, "Layer already exists");
        }
        List<String> pulledFrom = store.references(image.id()).stream()
                .map(Reference::name).filter(n -> !n.equals(repository)).distinct().toList();
        return registry.repositoryWithBlob(layer.blobDigest(), pulledFrom)
                .filter(source -> !source.equals(repository))
                .map(source -> new LayerProgress(id, "Mounted from " + source.substring(source.indexOf('/') + 1)))
                .orElse(new LayerProgress(id, "Pushed"));
    }

    private static PushResult failed(String repository, List<LayerProgress> layers, String error) {
        return new PushResult(repository, layers, error, null);
    }
}
