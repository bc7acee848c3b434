package org.laymanlabs.sandbox.image.fs;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable directory. Changing one entry copies only this directory's map: every child is
 * shared with the original, which is how every sandbox shares one copy of the base images' trees.
 */
public record Directory(SortedMap<String, Node> entries, int mode, int uid, int gid) implements Node {

    private static final Directory EMPTY = new Directory(new TreeMap<>(), 0755, 0, 0);

    public Directory {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** An empty directory owned by root with mode 0755. */
    public static Directory empty() {
        return EMPTY;
    }

    public static Directory empty(int mode, int uid, int gid) {
        return new Directory(new TreeMap<>(), mode, uid, gid);
    }

    public Optional<Node> child(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Directory with(String name, Node node) {
        TreeMap<String, Node> copy = new TreeMap<>(entries);
        copy.put(name, node);
        return new Directory(copy, mode, uid, gid);
    }

    public Directory without(String name) {
        TreeMap<String, Node> copy = new TreeMap<>(entries);
        copy.remove(name);
        return new Directory(copy, mode, uid, gid);
    }

    /** Marked opaque in its layer ({@code .wh..wh..opq}): lower layers' contents of this directory are hidden. */
    public boolean isOpaque() {
        return entries.containsKey(Diff.OPAQUE_MARKER);
    }

    /** This layer deletes {@code name} from lower layers ({@code .wh.<name>}). */
    public boolean whitesOut(String name) {
        return entries.containsKey(Diff.WHITEOUT_PREFIX + name);
    }

    @Override
    public char typeLetter() {
        return 'd';
    }
}
