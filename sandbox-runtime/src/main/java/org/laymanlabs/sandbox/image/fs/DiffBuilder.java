package org.laymanlabs.sandbox.image.fs;

/**
 * Assembles a {@link Diff} entry by entry, creating missing parent directories (root-owned,
 * 0755) as {@code tar} would find them in a layer. Each call returns this builder.
 */
public final class DiffBuilder {

    private Directory root = Directory.empty();
    private long unlistedBytes;

    DiffBuilder() {
    }

    public DiffBuilder dir(String path) {
        return dir(path, 0755, 0, 0);
    }

    /** A directory with its own mode and owner; entries already placed under it are kept. */
    public DiffBuilder dir(String path, int mode, int uid, int gid) {
        FilePath at = FilePath.of(path);
        Directory existing = find(at);
        Directory dir = existing == null
                ? Directory.empty(mode, uid, gid)
                : new Directory(existing.entries(), mode, uid, gid);
        return put(at, dir);
    }

    public DiffBuilder file(String path, String text) {
        return file(path, text, 0644);
    }

    public DiffBuilder file(String path, String text, int mode) {
        return put(FilePath.of(path), RegularFile.text(text, mode));
    }

    /** A binary of {@code size} bytes standing for {@code kind}, e.g. the {@code nginx} program. */
    public DiffBuilder binary(String path, String kind, long size, int mode) {
        return put(FilePath.of(path), new RegularFile(new FileContent.Binary(kind, size), mode, 0, 0));
    }

    public DiffBuilder node(String path, Node node) {
        return put(FilePath.of(path), node);
    }

    public DiffBuilder symlink(String path, String target) {
        return put(FilePath.of(path), Symlink.to(target));
    }

    /** Deletes {@code path} from the layers below, with a {@code .wh.<name>} file beside it. */
    public DiffBuilder whiteout(String path) {
        FilePath at = FilePath.of(path);
        return put(at.parent().child(Diff.WHITEOUT_PREFIX + at.name()), RegularFile.text("", 0));
    }

    /** Hides everything the layers below hold in {@code dir}, while keeping what this layer puts there. */
    public DiffBuilder opaque(String dir) {
        return put(FilePath.of(dir).child(Diff.OPAQUE_MARKER), RegularFile.text("", 0));
    }

    /** Counts files the simulation does not list one by one, so the layer's size matches the real one. */
    public DiffBuilder unlisted(long bytes) {
        unlistedBytes += bytes;
        return this;
    }

    /** Counts as many unlisted bytes as it takes for the whole diff to weigh {@code total} bytes. */
    public DiffBuilder sizedTo(long total) {
        long listed = new Diff(root, 0).size();
        if (listed > total) {
            throw new IllegalArgumentException("the listed files already weigh " + listed + " bytes, more than " + total);
        }
        unlistedBytes = total - listed;
        return this;
    }

    public Diff build() {
        return new Diff(root, unlistedBytes);
    }

    private DiffBuilder put(FilePath path, Node node) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root itself is not an entry of a diff");
        }
        root = put(root, path, 0, node);
        return this;
    }

    private static Directory put(Directory dir, FilePath path, int depth, Node node) {
        String name = path.names().get(depth);
        if (depth == path.names().size() - 1) {
            return dir.with(name, node);
        }
        Directory child = dir.child(name)
                .filter(Directory.class::isInstance).map(Directory.class::cast)
                .orElse(Directory.empty());
        return dir.with(name, put(child, path, depth + 1, node));
    }

    private Directory find(FilePath path) {
        Node at = root;
        for (String name : path.names()) {
            if (!(at instanceof Directory dir) || dir.child(name).isEmpty()) {
                return null;
            }
            at = dir.child(name).get();
        }
        return at instanceof Directory dir ? dir : null;
    }
}
