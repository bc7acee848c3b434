package org.laymanlabs.sandbox.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.Directory;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.FilePath;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.Symlink;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.laymanlabs.sandbox.time.TimeSource;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * A container's root: its image's layers, read-only and shared, under one writable layer of its
 * own, as overlay2 mounts them (lowerdir=image layers, upperdir=the container layer). A write
 * copies up into the writable layer; a deletion of something below leaves a whiteout. The
 * writable layer is what {@code docker diff} lists and {@code docker commit} turns into a new image
 * layer; a Dockerfile step's layer is made the same way. A chmod is a change like any other: the
 * entry is copied up with its new mode. Modification times are not part of a layer (so that they
 * do not change its digest): the image's files show the image's creation time, and the writable
 * layer's entries the time they were last written.
 */
public final class RootFileSystem implements FileSystem {

    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private static final Instant UNSET_CLOCK = Instant.parse("2025-01-01T00:00:00Z");

    private final List<Diff> lower;
    private final String home;
    private final Instant created;
    private final TimeSource clock;
    private final Map<String, Instant> modified = new HashMap<>();
    private Directory upper = Directory.empty();

    /** @param lowestFirst the image's layer diffs, base first */
    public RootFileSystem(List<Diff> lowestFirst, String home) {
        this(lowestFirst, home, UNSET_CLOCK, () -> UNSET_CLOCK);
    }

    /**
     * @param created when the image was made: the time its files show
     * @param clock   the sandbox's clock, for the time of each write
     */
    public RootFileSystem(List<Diff> lowestFirst, String home, Instant created, TimeSource clock) {
        this.lower = List.copyOf(lowestFirst);
        this.home = home;
        this.created = created;
        this.clock = clock;
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
        put(FilePath.of(path), file(path, new FileContent.Text(content)));
    }

    /** The file at {@code path} with new content: an existing file keeps its mode and owner. */
    private RegularFile file(String path, FileContent content) {
        Optional<Node> existing = view().stat(path);
        return existing.map(n -> new RegularFile(content, n.mode(), n.uid(), n.gid()))
                .orElse(new RegularFile(content, FILE_MODE, 0, 0));
    }

    @Override
    public void copyFile(String source, String target) {
        Node node = view().stat(source).orElseThrow(() -> missing(source));
        if (node instanceof Directory) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, source);
        }
        requireParentDirectory(target);
        if (isDirectory(target)) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, target);
        }
        put(FilePath.of(target), file(target, ((RegularFile) node).content()));
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return view().stat(path).map(node -> describe(path, node));
    }

    @Override
    public Optional<FileStat> lstat(String path) {
        return view().lstat(path).map(node -> describe(path, node));
    }

    private FileStat describe(String path, Node node) {
        Instant time = modified.getOrDefault(FilePath.of(path).toString(), created);
        if (node instanceof Directory dir) {
            return new FileStat(FileStat.Type.DIRECTORY, dir.mode(), dir.uid(), dir.gid(), 4096, time, "");
        }
        if (node instanceof Symlink link) {
            return new FileStat(FileStat.Type.SYMLINK, link.mode(), link.uid(), link.gid(),
                    link.target().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, time, link.target());
        }
        RegularFile file = (RegularFile) node;
        return new FileStat(FileStat.Type.REGULAR, file.mode(), file.uid(), file.gid(), file.size(), time, "");
    }

    /** The entry copied up with new permission bits; a directory keeps merging what lies below it. */
    @Override
    public void chmod(String path, int mode) {
        Node node = view().stat(path).orElseThrow(() -> missing(path));
        FilePath at = realPath(path);
        Node changed;
        if (node instanceof Directory) {
            Directory inUpper = upperDirectory(at);
            changed = inUpper == null ? Directory.empty(mode, node.uid(), node.gid())
                    : new Directory(inUpper.entries(), mode, inUpper.uid(), inUpper.gid());
        } else {
            RegularFile file = (RegularFile) node;
            changed = new RegularFile(file.content(), mode, file.uid(), file.gid());
        }
        if (at.isRoot()) {
            upper = new Directory(upper.entries(), mode, upper.uid(), upper.gid());
        } else {
            put(at, changed);
        }
    }

    /** Where {@code path} really is once the symbolic links on the way are followed, as chmod(2) does. */
    private FilePath realPath(String path) {
        FilePath at = FilePath.ROOT;
        for (String name : FilePath.of(path).names()) {
            at = at.child(name);
            Optional<Node> node = view().lstat(at.toString());
            if (node.isPresent() && node.get() instanceof Symlink link) {
                String target = link.target().startsWith("/") ? link.target() : at.parent() + "/" + link.target();
                at = realPath(target);
            }
        }
        return at;
    }

    private Directory upperDirectory(FilePath at) {
        Node node = upper;
        for (String name : at.names()) {
            if (!(node instanceof Directory dir) || dir.child(name).isEmpty()) {
                return null;
            }
            node = dir.child(name).get();
        }
        return node instanceof Directory dir ? dir : null;
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
        modified.put(at.parent().toString(), clock.get());
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
        modified.put(at.toString(), clock.get());
        modified.put(at.parent().toString(), clock.get());
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
