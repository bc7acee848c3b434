package org.laymanlabs.sandbox.image.packages;

import java.util.ArrayList;
import java.util.List;

/**
 * What a step placed that a text file system cannot hold: program binaries of a real size and
 * symbolic links. The tools write a small stand-in file at the path (so {@code ls} and later
 * commands of the same step see it) and record the real node here; the builder puts the real
 * node into the step's layer when it commits, so layer sizes grow by the packages' sizes.
 */
public final class InstalledFiles {

    /** One real node to place at commit. */
    public sealed interface Entry permits Binary, Link {
        String path();
    }

    /** A program or library of {@code size} bytes; {@code kind} names the program, as FileContent.Binary does. */
    public record Binary(String path, String kind, long size, int mode) implements Entry {
    }

    public record Link(String path, String target) implements Entry {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long unlistedBytes;

    public void binary(String path, String kind, long size, int mode) {
        entries.add(new Binary(path, kind, size, mode));
    }

    public void link(String path, String target) {
        entries.add(new Link(path, target));
    }

    /** Bytes of installed files not listed one by one (a package's data, docs, locales). */
    public void unlisted(long bytes) {
        unlistedBytes += bytes;
    }

    public long unlistedBytes() {
        return unlistedBytes;
    }

    /** In the order placed; a later entry for the same path wins. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
