package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.Symlink;
import org.laymanlabs.sandbox.image.fs.UnionView;

/**
 * Mirrors execvp(3)'s walk of $PATH (and busybox's applet lookup behind it) over a container's
 * merged root filesystem at one moment, a process start: each directory of $PATH is read once
 * (readdir on the overlay) and every tool is looked up in those listings, instead of a path walk
 * through every layer per tool and directory. A listed symlink is still resolved with a full
 * {@code stat}, so the answer is the one {@code stat("$dir/$tool")} gives.
 */
final class PathSearch {

    private final UnionView root;
    private final List<String> dirs = new ArrayList<>();
    private final List<SortedMap<String, Node>> listings = new ArrayList<>();
    private final boolean busyboxOnPath;
    private final boolean busyboxInBin;

    PathSearch(UnionView root, String path) {
        this.root = root;
        for (String dir : path.split(":")) {
            dirs.add(dir);
            // stat("$dir/x") finds nothing when $dir is no directory, so such a directory lists nothing.
            listings.add(root.list(dir));
        }
        boolean busybox = false;
        for (int i = 0; i < dirs.size() && !busybox; i++) {
            busybox = regular(i, "busybox").isPresent();
        }
        this.busyboxOnPath = busybox;
        this.busyboxInBin = root.stat("/bin/busybox").map(n -> n instanceof RegularFile f
                && f.content() instanceof FileContent.Binary b && b.kind().equals("busybox")).orElse(false);
    }

    /** Whether $PATH holds the tool: a binary of its kind, or busybox under any name. */
    boolean has(String tool) {
        if (busyboxOnPath || busyboxInBin) {
            return true;
        }
        for (int i = 0; i < dirs.size(); i++) {
            if (regular(i, tool).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The binary kind that $PATH finds under {@code tool}, following busybox's applet links. */
    Optional<String> kind(String tool) {
        for (int i = 0; i < dirs.size(); i++) {
            Optional<String> found = regular(i, tool).map(RegularFile::content)
                    .filter(FileContent.Binary.class::isInstance).map(c -> ((FileContent.Binary) c).kind());
            if (found.isPresent()) {
                return found;
            }
        }
        return has(tool) && root.stat("/bin/busybox").isPresent() ? Optional.of("busybox") : Optional.empty();
    }

    /** The regular file {@code stat("$dir/$tool")} finds in the i-th directory of $PATH. */
    private Optional<RegularFile> regular(int i, String tool) {
        Node entry = listings.get(i).get(tool);
        if (entry instanceof Symlink) {
            entry = root.stat(dirs.get(i) + "/" + tool).orElse(null);
        }
        return entry instanceof RegularFile file ? Optional.of(file) : Optional.empty();
    }
}
