package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.Directory;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.FilePath;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * A container's root: its image's layers, read-only and shared, under one writable layer of its
 * own, as overlay2 mounts them (lowerdir=image layers, upperdir=the container layer). A write
 * copies up into the writable layer; a deletion of something below leaves a whiteout. The
 * writable layer is what {@code docker diff} lists and {@code docker commit} turns into a new image
 * layer; a Dockerfile step's layer is made the same way.
 */
public final class RootFileSystem implements FileSystem {

    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private final List<Diff> lower;
    private final String home;
    private Directory upper = Directory.empty();

    /** @param lowestFirst the image's layer diffs, base first */
    public RootFileSystem(List<Diff> lowestFirst, String home) {
        this.lower = List.copyOf(lowestFirst);
        this.home = home;
    }

    /** The merged view a process sees. */
    public UnionView view() {
        List<Diff> stack = new ArrayList<>(lower);
        stack.add(new Diff(upper, 0));
        return new UnionView(stack);
    }

    /** The writable layer: every change made since the container started, whiteouts included. */
    public Diff changes() {
        return new Diff(upper, 0);
    }

    @Override
    public boolean exists(String path) {
        return view().exists(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return view().stat(path).filter(Directory.class::isInstance).isPresent();
    }

    @Override
    public String read(String path) {
        Node node = view().stat(path).orElseThrow(() -> missing(path));
        if (node instanceof Directory) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        // A program's binary is a stand-in with a size but no text; cat shows nothing readable.
        return node instanceof RegularFile file && file.content() instanceof FileContent.Text text ? text.text() : "";
    }

    @Override
    public void write(String path, String content) {
        requireParentDirectory(path);
        if (isDirectory(path)) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        int mode = view().stat(path).map(Node::mode).orElse(FILE_MODE);
        put(FilePath.of(path), RegularFile.text(content, mode));
    }

    @Override
    public void append(String path, String content) {
        write(path, exists(path) ? read(path) + content : content);
    }

    @Override
    public void mkdir(String path, boolean parents) {
        if (exists(path)) {
            if (parents && isDirectory(path)) {
                return;
            }
            throw new FileSystemException(FileSystemException.Reason.EXISTS, path);
        }
        FilePath at = FilePath.of(path);
        if (parents && !at.parent().isRoot() && !exists(at.parent().toString())) {
            mkdir(at.parent().toString(), true);
        }
        requireParentDirectory(path);
        put(at, Directory.empty(DIR_MODE, 0, 0));
    }

    @Override
    public void remove(String path, boolean recursive) {
        if (!view().lstat(path).isPresent()) {
            throw missing(path);
        }
        if (isDirectory(path) && !recursive) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        FilePath at = FilePath.of(path);
        if (at.isRoot()) {
            throw new FileSystemException(FileSystemException.Reason.NOT_EMPTY, path);
        }
        boolean inLower = new UnionView(lower).lstat(path).isPresent();
        upper = without(upper, at.names(), 0);
        if (inLower) {
            put(at.parent().child(Diff.WHITEOUT_PREFIX + at.name()), RegularFile.text("", 0));
        }
    }

    @Override
    public List<String> list(String directory) {
        if (!isDirectory(directory)) {
            throw exists(directory) ? new FileSystemException(FileSystemException.Reason.NOT_A_DIRECTORY, directory)
                    : missing(directory);
        }
        return List.copyOf(view().list(directory).keySet());
    }

    @Override
    public String home() {
        return home;
    }

    private void requireParentDirectory(String path) {
        FilePath parent = FilePath.of(path).parent();
        if (!exists(parent.toString())) {
            throw missing(path);
        }
        if (!isDirectory(parent.toString())) {
            throw new FileSystemException(FileSystemException.Reason.NOT_A_DIRECTORY, path);
        }
    }

    /** Places a node in the writable layer, copying up its parent directories and dropping a whiteout of it. */
    private void put(FilePath at, Node node) {
        upper = with(upper, at.names(), 0, node);
    }

    private Directory with(Directory dir, List<String> names, int i, Node node) {
        String name = names.get(i);
        Directory cleared = dir.without(Diff.WHITEOUT_PREFIX + name);
        if (i == names.size() - 1) {
            return cleared.with(name, node);
        }
        Directory child = cleared.child(name).filter(Directory.class::isInstance).map(Directory.class::cast)
                .orElseGet(() -> copiedUp(names.subList(0, i + 1)));
        return cleared.with(name, with(child, names, i + 1, node));
    }

    /** An empty upper directory with the lower one's mode and owner (overlayfs copy-up). */
    private Directory copiedUp(List<String> names) {
        Optional<Node> below = new UnionView(lower).lstat("/" + String.join("/", names));
        return below.map(n -> Directory.empty(n.mode(), n.uid(), n.gid())).orElse(Directory.empty(DIR_MODE, 0, 0));
    }

    private static Directory without(Directory dir, List<String> names, int i) {
        String name = names.get(i);
        if (i == names.size() - 1) {
            return dir.without(name);
        }
        Optional<Node> child = dir.child(name);
        if (child.isEmpty() || !(child.get() instanceof Directory next)) {
            return dir;
        }
        return dir.with(name, without(next, names, i + 1));
    }

    private static FileSystemException missing(String path) {
        return new FileSystemException(FileSystemException.Reason.NO_SUCH_FILE, path);
    }
}
