package org.laymanlabs.sandbox.image;

import java.util.List;

/**
 * What {@code docker push} did, or how far it got.
 *
 * @param repository the full repository name, as in {@code The push refers to repository [docker.io/library/web]}
 * @param layers     one line per layer, top first, as moby lists them
 * @param error      the error the push stopped with, or null; it is part of the stream, so it has no
 *                   "Error response from daemon" prefix
 * @param summary    {@code latest: digest: sha256:… size: 1570}, or null if the push failed
 */
public record PushResult(String repository, List<LayerProgress> layers, String error, String summary) {

    public PushResult {
        layers = List.copyOf(layers);
    }

    public boolean succeeded() {
        return error == null;
    }
}
