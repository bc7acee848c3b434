package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry one sandbox pulls from and pushes to: the shared, immutable catalog of base images,
 * with this sandbox's own pushes layered on top. Mirrors a distribution registry's view of
 * repositories, tags, manifests and blobs. The catalog is never copied or changed.
 */
public final class Registry {

    private final Map<String, Map<String, Manifest>> catalog;
    private final Map<String, Map<String, Manifest>> pushed = new TreeMap<>();

    /** @param catalog repositories by full name ({@code docker.io/library/nginx}), then manifests by tag; not copied */
    public Registry(Map<String, Map<String, Manifest>> catalog) {
        this.catalog = catalog;
    }

    /** The manifest a tag or digest reference names. */
    public Optional<Manifest> manifest(Reference reference) {
        Map<String, Manifest> tags = tags(reference.name());
        if (reference.digestIfAny().isPresent()) {
            return tags.values().stream().filter(m -> m.digest().equals(reference.digest())).findFirst();
        }
        return Optional.ofNullable(tags.get(reference.withDefaultTag().tag()));
    }

    /** Whether the sandbox has a registry at this host (docker.io, or registry.k8s.io for a cluster's images). */
    public boolean servesDomain(String domain) {
        return catalog.keySet().stream().anyMatch(name -> name.startsWith(domain + "/"));
    }

    public boolean hasRepository(String name) {
        return catalog.containsKey(name) || pushed.containsKey(name);
    }

    /** The sandbox may push anywhere on the simulated Hub except the catalog's own repositories. */
    public boolean acceptsPush(Reference reference) {
        return !catalog.containsKey(reference.name());
    }

    public void push(Reference tagged, Manifest manifest) {
        if (!acceptsPush(tagged)) {
            throw new IllegalArgumentException("the catalog's repositories are read-only: " + tagged.name());
        }
        pushed.computeIfAbsent(tagged.name(), n -> new LinkedHashMap<>()).put(tagged.withDefaultTag().tag(), manifest);
    }

    /** True if the repository already has this layer blob. */
    public boolean hasBlob(String repository, Digest blob) {
        return tags(repository).values().stream().anyMatch(m -> holds(m, blob));
    }

    /**
     * A repository holding the blob, from which a push can mount it instead of uploading it; the
     * {@code preferred} ones first (those the engine pulled the image from), then by name.
     */
    public Optional<String> repositoryWithBlob(Digest blob, List<String> preferred) {
        TreeSet<String> all = new TreeSet<>(catalog.keySet());
        all.addAll(pushed.keySet());
        List<String> order = new ArrayList<>(preferred);
        order.addAll(all);
        return order.stream().filter(repo -> hasBlob(repo, blob)).findFirst();
    }

    private static boolean holds(Manifest manifest, Digest blob) {
        return manifest.image().layers().stream().anyMatch(l -> l.blobDigest().equals(blob));
    }

    private Map<String, Manifest> tags(String repository) {
        Map<String, Manifest> all = new LinkedHashMap<>(catalog.getOrDefault(repository, Map.of()));
        all.putAll(pushed.getOrDefault(repository, Map.of()));
        return all;
    }
}
