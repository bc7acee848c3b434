package org.laymanlabs.sandbox.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * The learner's own files (their Dockerfiles, manifests, app code), which the editor edits and
 * the commands read: the build context of {@code docker build .} and the input of
 * {@code kubectl apply -f}. Paths are absolute and normalised; the shell resolves relative ones.
 * Bounded: a file may hold at most {@link #MAX_FILE_BYTES} and all files {@link #MAX_TOTAL_BYTES}.
 */
public final class Workspace implements FileSystem {

    public static final String HOME = "/home/learner";
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_TOTAL_BYTES = 8 << 20;

    /** Directories map to null; files to their text. */
    private final TreeMap<String, String> entries = new TreeMap<>();
    private long totalBytes;

    public Workspace() {
        entries.put("/", null);
        entries.put("/home", null);
        entries.put(HOME, null);
    }

    @Override
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return entries.containsKey(path) && entries.get(path) == null;
    }

    @Override
    public String read(String path) {
        requireExists(path);
        String content = entries.get(path);
        if (content == null) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        return content;
    }

    /** Creates or replaces a file; its directory must exist. */
    @Override
    public void write(String path, String content) {
        if (isDirectory(path)) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        requireDirectory(parent(path), path);
        int size = content.length();
        if (size > MAX_FILE_BYTES) {
            throw new FileSystemException(FileSystemException.Reason.TOO_BIG, path);
        }
        long after = totalBytes - Optional.ofNullable(entries.get(path)).map(String::length).orElse(0) + size;
        if (after > MAX_TOTAL_BYTES) {
            throw new FileSystemException(FileSystemException.Reason.NO_SPACE, path);
        }
        entries.put(path, content);
        totalBytes = after;
    }

    @Override
    public void append(String path, String content) {
        write(path, exists(path) ? read(path) + content : content);
    }

    /** mkdir; with {@code parents}, like {@code mkdir -p}: missing parents are made and an existing directory is fine. */
    @Override
    public void mkdir(String path, boolean parents) {
        if (exists(path)) {
            if (parents && isDirectory(path)) {
                return;
            }
            throw new FileSystemException(FileSystemException.Reason.EXISTS, path);
        }
        String parent = parent(path);
        if (parents && !exists(parent)) {
            mkdir(parent, true);
        }
        requireDirectory(parent, path);
        entries.put(path, null);
    }

    /** rm: a directory goes only with {@code recursive}, and takes everything under it along. */
    @Override
    public void remove(String path, boolean recursive) {
        requireExists(path);
        if (path.equals("/") || path.equals(HOME)) {
            throw new FileSystemException(FileSystemException.Reason.NOT_EMPTY, path);
        }
        if (isDirectory(path)) {
            if (!recursive) {
                throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
            }
            for (String child : descendants(path)) {
                forget(child);
            }
        }
        forget(path);
    }

    /** The names directly inside a directory, sorted as {@code ls} sorts them in the C locale. */
    @Override
    public List<String> list(String directory) {
        requireDirectory(directory, directory);
        String prefix = directory.equals("/") ? "/" : directory + "/";
        List<String> names = new ArrayList<>();
        for (String key : entries.tailMap(prefix, false).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            if (!rest.isEmpty() && rest.indexOf('/') < 0) {
                names.add(rest);
            }
        }
        return names;
    }

    /** Every file under a directory, with paths relative to it: a build context. */
    public List<String> filesUnder(String directory) {
        requireDirectory(directory, directory);
        String prefix = directory.equals("/") ? "/" : directory + "/";
        return descendants(directory).stream()
                .filter(p -> entries.get(p) != null)
                .map(p -> p.substring(prefix.length()))
                .toList();
    }

    private List<String> descendants(String directory) {
        String prefix = directory.equals("/") ? "/" : directory + "/";
        return entries.tailMap(prefix, false).keySet().stream().takeWhile(k -> k.startsWith(prefix)).toList();
    }

    private void forget(String path) {
        String content = entries.remove(path);
        if (content != null) {
            totalBytes -= content.length();
        }
    }

    private void requireExists(String path) {
        if (!exists(path)) {
            throw new FileSystemException(FileSystemException.Reason.NO_SUCH_FILE, path);
        }
    }

    private void requireDirectory(String directory, String forPath) {
        if (!exists(directory)) {
            throw new FileSystemException(FileSystemException.Reason.NO_SUCH_FILE, forPath);
        }
        if (!isDirectory(directory)) {
            throw new FileSystemException(FileSystemException.Reason.NOT_A_DIRECTORY, forPath);
        }
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public String home() {
        return HOME;
    }
}
