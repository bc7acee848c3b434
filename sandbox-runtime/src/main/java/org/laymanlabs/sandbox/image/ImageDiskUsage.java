package org.laymanlabs.sandbox.image;

/**
 * The Images row of {@code docker system df}: how many images, how many are in use, the size of
 * all their layers counted once, and what removing unused images would free.
 */
public record ImageDiskUsage(int total, int active, long size, long reclaimable) {
}
