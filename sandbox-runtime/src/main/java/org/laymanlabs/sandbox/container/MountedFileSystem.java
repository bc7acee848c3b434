package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * What a container's processes see: its root file system with volumes mounted over some paths,
 * as the kernel's mount table resolves a path to the last mount covering it.
 */
final class MountedFileSystem implements FileSystem {

    private final RootFileSystem root;
    private final List<Mount> mounts;

    MountedFileSystem(RootFileSystem root, List<Mount> mounts) {
        this.root = root;
        this.mounts = List.copyOf(mounts);
    }

    private Optional<Mount> mountOf(String path) {
        Optional<Mount> found = Optional.empty();
        for (Mount mount : mounts) {
            if (mount.covers(path)) {
                found = Optional.of(mount);
            }
        }
        return found;
    }

    private FileSystem at(String path) {
        return mountOf(path).<FileSystem>map(m -> m.volume().files()).orElse(root);
    }

    private String local(String path) {
        return mountOf(path).map(m -> m.inside(path)).orElse(path);
    }

    @Override
    public boolean exists(String path) {
        return at(path).exists(local(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return at(path).isDirectory(local(path));
    }

    @Override
    public String read(String path) {
        return at(path).read(local(path));
    }

    @Override
    public void write(String path, String content) {
        at(path).write(local(path), content);
    }

    @Override
    public void append(String path, String content) {
        at(path).append(local(path), content);
    }

    @Override
    public void mkdir(String path, boolean parents) {
        at(path).mkdir(local(path), parents);
    }

    @Override
    public void remove(String path, boolean recursive) {
        at(path).remove(local(path), recursive);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return at(path).stat(local(path));
    }

    @Override
    public Optional<FileStat> lstat(String path) {
        return at(path).lstat(local(path));
    }

    @Override
    public void chmod(String path, int mode) {
        at(path).chmod(local(path), mode);
    }

    /** Within one file system the bytes are copied as they are; across a mount, as text. */
    @Override
    public void copyFile(String source, String target) {
        FileSystem from = at(source);
        FileSystem to = at(target);
        if (from == to) {
            from.copyFile(local(source), local(target));
        } else {
            to.write(local(target), from.read(local(source)));
        }
    }

    @Override
    public List<String> list(String directory) {
        List<String> names = new ArrayList<>(at(directory).list(local(directory)));
        for (Mount mount : mounts) {
            String parent = mount.destination().substring(0, Math.max(mount.destination().lastIndexOf('/'), 0));
            String name = mount.destination().substring(mount.destination().lastIndexOf('/') + 1);
            if ((parent.isEmpty() ? "/" : parent).equals(directory) && !names.contains(name)) {
                names.add(name);
                names.sort(null);
            }
        }
        return names;
    }

    @Override
    public String home() {
        return root.home();
    }
}
