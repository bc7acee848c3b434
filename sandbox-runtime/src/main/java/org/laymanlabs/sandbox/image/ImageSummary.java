package org.laymanlabs.sandbox.image;

import java.time.Instant;
import java.util.List;

/**
 * One image as {@code GET /images/json} lists it (moby api/types/image.Summary).
 *
 * @param repoTags    tag references, such as {@code nginx:latest}
 * @param repoDigests digest references, such as {@code nginx@sha256:…}
 * @param sharedSize  bytes of layers other images also use
 * @param containers  how many containers use it
 */
public record ImageSummary(Digest id, List<Reference> repoTags, List<Reference> repoDigests, Instant created,
                           long size, long sharedSize, int containers) {

    public ImageSummary {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
    }
}
