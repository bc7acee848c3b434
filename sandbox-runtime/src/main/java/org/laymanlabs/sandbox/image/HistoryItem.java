package org.laymanlabs.sandbox.image;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code docker history} (moby image.HistoryResponseItem).
 *
 * @param id   the image this step produced, or {@code <missing>} when the engine does not have it
 *             (every step of a pulled image but the last)
 * @param tags the image's tags, on rows that are images
 */
public record HistoryItem(String id, Instant created, String createdBy, long size, String comment, List<String> tags) {

    public static final String MISSING = "<missing>";

    public HistoryItem {
        tags = List.copyOf(tags);
    }
}
