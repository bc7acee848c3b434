package org.laymanlabs.sandbox.image.fs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The merged root filesystem of a stack of layers, lowest first, as overlayfs presents it to a
 * container: an upper entry hides the same path below, a whiteout deletes it, and an opaque
 * directory hides the lower directory's contents. Mirrors Linux overlayfs lookup and readdir
 * (Documentation/filesystems/overlayfs.rst), over OCI-style whiteouts. The view copies nothing.
 */
public final class UnionView {

    private static final int MAX_SYMLINKS = 40;

    private final List<Diff> topFirst;

    public UnionView(List<Diff> lowestFirst) {
        List<Diff> reversed = new ArrayList<>(lowestFirst);
        Collections.reverse(reversed);
        this.topFirst = List.copyOf(reversed);
    }

    /** The entry at {@code path} itself, following symlinks only in its parent directories, as {@code lstat}. */
    public Optional<Node> lstat(String path) {
        return walk(FilePath.of(path), false).map(Found::node);
    }

    /** The entry at {@code path}, following every symlink, as {@code stat}. */
    public Optional<Node> stat(String path) {
        return walk(FilePath.of(path), true).map(Found::node);
    }

    public boolean exists(String path) {
        return stat(path).isPresent();
    }

    /** The text of a regular file, or empty if there is none or it is a binary stand-in. */
    public Optional<String> read(String path) {
        return stat(path)
                .filter(RegularFile.class::isInstance).map(RegularFile.class::cast)
                .map(RegularFile::content)
                .filter(FileContent.Text.class::isInstance).map(c -> ((FileContent.Text) c).text());
    }

    /** The size {@code ls -l} shows, following symlinks. */
    public Optional<Long> size(String path) {
        return stat(path).filter(RegularFile.class::isInstance).map(n -> ((RegularFile) n).size());
    }

    /** The merged entries of a directory (whiteouts applied, markers not shown), sorted by name. */
    public SortedMap<String, Node> list(String path) {
        Optional<Found> dir = walk(FilePath.of(path), true);
        if (dir.isEmpty() || !(dir.get().node() instanceof Directory)) {
            return new TreeMap<>();
        }
        return merge(dir.get().realPath());
    }

    private SortedMap<String, Node> merge(FilePath dirPath) {
        SortedMap<String, Node> merged = new TreeMap<>();
        Set<String> deleted = new TreeSet<>();
        for (Diff layer : topFirst) {
            Presence presence = locate(layer.root(), dirPath);
            if (presence instanceof Presence.Absent) {
                continue;
            }
            if (!(presence instanceof Presence.Here here) || !(here.node() instanceof Directory dir)) {
                break;
            }
            addEntries(dir, merged, deleted);
            if (here.hidesLower()) {
                break;
            }
        }
        return merged;
    }

    private static void addEntries(Directory dir, SortedMap<String, Node> merged, Set<String> deleted) {
        List<String> deletedHere = new ArrayList<>();
        dir.entries().forEach((name, node) -> {
            if (Diff.isWhiteout(name)) {
                if (!name.equals(Diff.OPAQUE_MARKER)) {
                    deletedHere.add(name.substring(Diff.WHITEOUT_PREFIX.length()));
                }
            } else if (!deleted.contains(name)) {
                merged.putIfAbsent(name, node);
            }
        });
        deleted.addAll(deletedHere);
    }

    /** The merged node at a path with no symlinks in it: the topmost layer that has it, unless a layer above masks it. */
    private Optional<Node> lookup(FilePath path) {
        if (path.isRoot()) {
            return Optional.of(topFirst.isEmpty() ? Directory.empty() : topFirst.get(0).root());
        }
        for (Diff layer : topFirst) {
            Presence presence = locate(layer.root(), path);
            if (presence instanceof Presence.Here here) {
                return Optional.of(here.node());
            }
            if (presence instanceof Presence.Masked) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Presence locate(Directory root, FilePath path) {
        Directory dir = root;
        boolean opaque = root.isOpaque();
        List<String> names = path.names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (dir.whitesOut(name)) {
                return new Presence.Masked();
            }
            Optional<Node> child = dir.child(name);
            if (child.isEmpty()) {
                return opaque ? new Presence.Masked() : new Presence.Absent();
            }
            if (i == names.size() - 1) {
                Node node = child.get();
                boolean hides = opaque || !(node instanceof Directory d) || d.isOpaque();
                return new Presence.Here(node, hides);
            }
            if (!(child.get() instanceof Directory next)) {
                return new Presence.Masked();
            }
            dir = next;
            opaque = opaque || next.isOpaque();
        }
        return new Presence.Here(root, opaque);
    }

    private Optional<Found> walk(FilePath path, boolean followLast) {
        FilePath resolved = FilePath.ROOT;
        Deque<String> pending = new ArrayDeque<>(path.names());
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals("..")) {
                resolved = resolved.parent();
                continue;
            }
            FilePath next = resolved.child(name);
            Optional<Node> node = lookup(next);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            if (node.get() instanceof Symlink link && (followLast || !pending.isEmpty())) {
                if (++links > MAX_SYMLINKS) {
                    return Optional.empty();
                }
                if (link.target().startsWith("/")) {
                    resolved = FilePath.ROOT;
                }
                List<String> targetNames = new ArrayList<>(List.of(link.target().split("/")));
                targetNames.removeIf(n -> n.isEmpty() || n.equals("."));
                for (int i = targetNames.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetNames.get(i));
                }
                continue;
            }
            resolved = next;
        }
        FilePath found = resolved;
        return lookup(found).map(n -> new Found(found, n));
    }

    private record Found(FilePath realPath, Node node) {
    }

    /** What one layer says about a path: nothing, "deleted or hidden here", or an entry. */
    private sealed interface Presence {
        record Absent() implements Presence {
        }

        record Masked() implements Presence {
        }

        /** @param hidesLower true if lower layers must not be merged under this entry */
        record Here(Node node, boolean hidesLower) implements Presence {
        }
    }
}
