package org.laymanlabs.sandbox.image;

import java.util.List;

/**
 * What {@code docker pull} did.
 *
 * @param reference  the reference pulled, with its tag or digest
 * @param layers     one line per layer, lowest first; empty if the image was already here
 * @param downloaded true if the reference now points at a different image than before
 *                   ("Downloaded newer image"), false if it was up to date
 */
public record PullResult(Reference reference, Image image, List<LayerProgress> layers, Digest manifestDigest,
                         boolean downloaded) {

    public PullResult {
        layers = List.copyOf(layers);
    }
}
