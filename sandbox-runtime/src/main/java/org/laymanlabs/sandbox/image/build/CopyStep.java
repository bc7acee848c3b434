package org.laymanlabs.sandbox.image.build;

import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.DiffBuilder;
import org.laymanlabs.sandbox.image.fs.Directory;
import org.laymanlabs.sandbox.image.fs.FilePath;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.Symlink;
import org.laymanlabs.sandbox.image.fs.UnionView;

/**
 * Lays COPY and ADD sources into a new layer over the stage's image. Mirrors moby
 * builder/dockerfile/copy.go: a destination ending in {@code /}, an existing directory, or
 * several sources means "into this directory"; a directory source copies its contents; missing
 * parents are created; a relative destination is taken from WORKDIR.
 */
final class CopyStep {

    private CopyStep() {
    }

    static Diff layer(UnionView below, List<CopySources> sources, String dest, String workdir, int uid, int gid) {
        String absolute = dest.startsWith("/") ? dest : (workdir.isEmpty() ? "/" : workdir + "/") + dest;
        boolean intoDirectory = dest.endsWith("/") || dest.equals(".") || sources.size() > 1
                || below.stat(absolute).filter(Directory.class::isInstance).isPresent();
        FilePath target = FilePath.of(absolute);
        DiffBuilder diff = Diff.builder();
        keepParents(below, intoDirectory ? target : target.parent(), diff);
        for (CopySources source : sources) {
            for (Map.Entry<String, Node> file : source.files().entrySet()) {
                FilePath at = source.isDir() ? target.resolve(List.of(file.getKey().split("/")))
                        : intoDirectory ? target.child(source.baseName()) : target;
                diff.node(at.toString(), owned(file.getValue(), uid, gid));
            }
            if (source.isDir() && !target.isRoot()) {
                diff.dir(target.toString(), 0755, uid, gid);
            }
        }
        return diff.build();
    }

    /** Existing parent directories keep their mode and owner in the new layer, as a copy-up does. */
    private static void keepParents(UnionView below, FilePath dir, DiffBuilder diff) {
        FilePath at = FilePath.ROOT;
        for (String name : dir.names()) {
            at = at.child(name);
            FilePath here = at;
            below.lstat(here.toString()).filter(Directory.class::isInstance).map(Directory.class::cast)
                    .ifPresent(d -> diff.dir(here.toString(), d.mode(), d.uid(), d.gid()));
        }
    }

    private static Node owned(Node node, int uid, int gid) {
        if (node instanceof RegularFile file) {
            return new RegularFile(file.content(), file.mode(), uid, gid);
        }
        if (node instanceof Symlink link) {
            return new Symlink(link.target(), uid, gid);
        }
        Directory dir = (Directory) node;
        return Directory.empty(dir.mode(), uid, gid);
    }
}
