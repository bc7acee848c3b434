package org.laymanlabs.sandbox.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which image each tag and digest reference points to. Mirrors moby reference/store.go; references
 * sort by their full string, which is the order {@code docker rmi -f} untags them in.
 */
final class ReferenceStore {

    private final TreeMap<String, Map.Entry<Reference, Digest>> byName = new TreeMap<>();

    /** Points {@code reference} at the image, moving it off any image it pointed at before. */
    void add(Reference reference, Digest imageId) {
        byName.put(reference.toString(), Map.entry(reference, imageId));
    }

    Optional<Digest> get(Reference reference) {
        return Optional.ofNullable(byName.get(reference.toString())).map(Map.Entry::getValue);
    }

    boolean remove(Reference reference) {
        return byName.remove(reference.toString()) != null;
    }

    List<Reference> referencesTo(Digest imageId) {
        return byName.values().stream().filter(e -> e.getValue().equals(imageId)).map(Map.Entry::getKey).toList();
    }

    List<Reference> byRepository(Reference repository) {
        return byName.values().stream().map(Map.Entry::getKey)
                .filter(r -> r.name().equals(repository.name())).toList();
    }
}
