package org.laymanlabs.sandbox.image.fs;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A layer's changes over its parent, as an OCI layer tar carries them: added or changed entries,
 * plus whiteout files that delete lower entries ({@code .wh.<name>}) or hide a whole lower
 * directory ({@code .wh..wh..opq}). Mirrors the OCI image spec, layer.md "Whiteouts".
 *
 * @param root          the changed entries, under their parent directories
 * @param unlistedBytes bytes of files the simulation does not list one by one (the bulk of a
 *                      distribution's packages), so that layer sizes match the real images
 */
public record Diff(Directory root, long unlistedBytes) {

    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE_MARKER = ".wh..wh..opq";

    public Diff {
        if (unlistedBytes < 0) {
            throw new IllegalArgumentException("unlisted bytes must not be negative");
        }
    }

    public static DiffBuilder builder() {
        return new DiffBuilder();
    }

    /** A diff that changes nothing, as a metadata-only instruction such as {@code ENV} produces. */
    public static Diff empty() {
        return new Diff(Directory.empty(), 0);
    }

    public static boolean isWhiteout(String name) {
        return name.startsWith(WHITEOUT_PREFIX);
    }

    /**
     * What {@code docker history} and {@code docker images} count, as moby's DiffSize does: the
     * size of every non-directory, which for a symlink is the length of its target (why a layer
     * of five Python symlinks weighs 36B).
     */
    public long size() {
        long[] total = {unlistedBytes};
        walk((path, node) -> {
            if (node instanceof RegularFile file) {
                total[0] += file.size();
            } else if (node instanceof Symlink link) {
                total[0] += link.target().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        });
        return total[0];
    }

    /** Visits every entry below the root, parents before children, names in byte order, as a tar is written. */
    public void walk(BiConsumer<FilePath, Node> visitor) {
        walk(FilePath.ROOT, root, visitor);
    }

    private static void walk(FilePath at, Directory dir, BiConsumer<FilePath, Node> visitor) {
        for (Map.Entry<String, Node> entry : dir.entries().entrySet()) {
            FilePath path = at.child(entry.getKey());
            visitor.accept(path, entry.getValue());
            if (entry.getValue() instanceof Directory child) {
                walk(path, child, visitor);
            }
        }
    }

    /**
     * The bytes a layer's diffID is computed from: one line per entry with path, type, mode,
     * owner and content, in walk order. It plays the part of the uncompressed tar stream, so the
     * same changes always give the same digest and any change gives another.
     */
    public String canonicalForm() {
        StringBuilder out = new StringBuilder();
        walk((path, node) -> {
            out.append(path).append('\t').append(node.typeLetter()).append('\t')
                    .append(String.format("%04o", node.mode())).append('\t')
                    .append(node.uid()).append(':').append(node.gid()).append('\t');
            if (node instanceof Symlink link) {
                out.append("-> ").append(link.target());
            } else if (node instanceof RegularFile file) {
                appendContent(out, file.content());
            } else {
                out.append("dir");
            }
            out.append('\n');
        });
        return out.append("unlisted\t").append(unlistedBytes).append('\n').toString();
    }

    private static void appendContent(StringBuilder out, FileContent content) {
        if (content instanceof FileContent.Text text) {
            out.append("text ").append(text.size()).append(' ')
                    .append(text.text().replace("\\", "\\\\").replace("\n", "\\n"));
        } else if (content instanceof FileContent.Binary binary) {
            out.append("binary ").append(binary.size()).append(' ').append(binary.kind());
        }
    }
}
