package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls an image from the registry into one sandbox's store. Mirrors moby distribution/pull_v2.go:
 * a layer whose chain is already here "Already exists", the rest "Pull complete"; an image whose
 * config is already here is not downloaded at all; the tag and the repository digest are recorded.
 */
public final class Puller {

    private final ImageStore store;
    private final Registry registry;

    public Puller(ImageStore store, Registry registry) {
        this.store = store;
        this.registry = registry;
    }

    /**
     * @param reference a tagged or digested reference (the CLI adds {@code :latest})
     * @throws DaemonException with the registry's answer when there is nothing to pull
     */
    public PullResult pull(Reference reference) {
        Reference ref = reference.withDefaultTag();
        Manifest manifest = resolve(ref);
        Image image = manifest.image();
        List<LayerProgress> layers = store.byId(image.id()).isPresent() ? List.of() : progress(image);
        store.add(image);
        boolean downloaded = !store.lookup(ref).filter(image.id()::equals).isPresent();
        store.addReference(image, ref);
        store.addReference(image, ref.withDigest(manifest.digest()));
        return new PullResult(ref, image, layers, manifest.digest(), downloaded);
    }

    private Manifest resolve(Reference ref) {
        if (!ref.domain().equals(Reference.DEFAULT_DOMAIN) && !registry.servesDomain(ref.domain())) {
            throw unreachable(ref.domain());
        }
        if (!registry.hasRepository(ref.name())) {
            throw new DaemonException(DaemonException.Kind.NOT_FOUND, "pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        }
        return registry.manifest(ref).orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND,
                "manifest for " + ref.familiarString() + " not found: manifest unknown: manifest unknown"));
    }

    /** No registry but the simulated Hub answers inside a sandbox, as if the name did not resolve. */
    static DaemonException unreachable(String domain) {
        return new DaemonException(DaemonException.Kind.UNAVAILABLE,
                "Get \"https://" + domain + "/v2/\": dial tcp: lookup " + domain + ": no such host");
    }

    private List<LayerProgress> progress(Image image) {
        List<LayerProgress> lines = new ArrayList<>();
        boolean missing = false;
        for (Layer layer : image.layers()) {
            missing = missing || !store.layers().contains(layer.chainId());
            lines.add(new LayerProgress(layer.blobDigest().shortId(), missing ? "Pull complete" : "Already exists"));
        }
        return lines;
    }
}
