package org.laymanlabs.sandbox.image;

import java.time.Instant;

/**
 * One step that made an image, as the image config's {@code history} array records it.
 *
 * @param createdBy  the instruction, e.g. {@code CMD ["nginx" "-g" "daemon off;"]}
 * @param comment    e.g. {@code buildkit.dockerfile.v0}; empty if none
 * @param emptyLayer true if the step changed only metadata and added no layer
 */
public record HistoryEntry(Instant created, String createdBy, String comment, boolean emptyLayer) {

    public static HistoryEntry layer(Instant created, String createdBy, String comment) {
        return new HistoryEntry(created, createdBy, comment, false);
    }

    public static HistoryEntry metadata(Instant created, String createdBy, String comment) {
        return new HistoryEntry(created, createdBy, comment, true);
    }
}
