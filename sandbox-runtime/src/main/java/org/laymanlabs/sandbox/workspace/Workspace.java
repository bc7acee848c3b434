package org.laymanlabs.sandbox.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.laymanlabs.sandbox.time.TimeSource;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * The learner's own files (their Dockerfiles, manifests, app code), which the editor edits and
 * the commands read: the build context of {@code docker build .} and the input of
 * {@code kubectl apply -f}. Paths are absolute and normalised; the shell resolves relative ones.
 * Bounded (SandboxLimits): a file may hold at most {@link #MAX_FILE_BYTES} and all files {@link #MAX_TOTAL_BYTES}
 * characters by default, or what the sandbox's limits say.
 * Everything under the home directory belongs to the learner (uid 1000); files are made 0644 and
 * directories 0755, as with umask 022, and only modes that differ from those are stored.
 */
public final class Workspace implements FileSystem {

    public static final String HOME = "/home/learner";
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_TOTAL_BYTES = 8 << 20;
    public static final int LEARNER_UID = 1000;
    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;
    private static final Instant UNSET_CLOCK = Instant.parse("2025-01-01T00:00:00Z");

    /** Directories map to null; files to their text. */
    private final TreeMap<String, String> entries = new TreeMap<>();
    private final TreeMap<String, Integer> modes = new TreeMap<>();
    private final TreeMap<String, Instant> modified = new TreeMap<>();
    private final TimeSource clock;
    private final int maxFileBytes;
    private final int maxTotalBytes;
    private long totalBytes;

    /** A workspace whose files all seem written at one fixed time, for tests that do not look at times. */
    public Workspace() {
        this(() -> UNSET_CLOCK);
    }

    /** @param clock when a write happens, for {@code ls -l}: the sandbox's clock */
    public Workspace(TimeSource clock) {
        this(clock, MAX_FILE_BYTES, MAX_TOTAL_BYTES);
    }

    /** As {@link #Workspace(TimeSource)}, with a sandbox's own limits on one file and on all files. */
    public Workspace(TimeSource clock, int maxFileBytes, int maxTotalBytes) {
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
        for (String dir : List.of("/", "/home", HOME)) {
            entries.put(dir, null);
            modified.put(dir, clock.get());
        }
    }

    @Override
    public boolean exists(String path) {
        path = absolute(path);
        return entries.containsKey(path);
    }

    @Override
    public boolean isDirectory(String path) {
        path = absolute(path);
        return entries.containsKey(path) && entries.get(path) == null;
    }

    @Override
    public String read(String path) {
        path = absolute(path);
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
        path = absolute(path);
        if (isDirectory(path)) {
            throw new FileSystemException(FileSystemException.Reason.IS_A_DIRECTORY, path);
        }
        requireDirectory(parent(path), path);
        int size = content.length();
        if (size > maxFileBytes) {
            throw new FileSystemException(FileSystemException.Reason.TOO_BIG, path);
        }
        long after = totalBytes - Optional.ofNullable(entries.get(path)).map(String::length).orElse(0) + size;
        if (after > maxTotalBytes) {
            throw new FileSystemException(FileSystemException.Reason.NO_SPACE, path);
        }
        if (!entries.containsKey(path)) {
            touchParent(path);
        }
        entries.put(path, content);
        modified.put(path, clock.get());
        totalBytes = after;
    }

    @Override
    public void append(String path, String content) {
        path = absolute(path);
        write(path, exists(path) ? read(path) + content : content);
    }

    /** mkdir; with {@code parents}, like {@code mkdir -p}: missing parents are made and an existing directory is fine. */
    @Override
    public void mkdir(String path, boolean parents) {
        path = absolute(path);
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
        modified.put(path, clock.get());
        touchParent(path);
    }

    /** rm: a directory goes only with {@code recursive}, and takes everything under it along. */
    @Override
    public void remove(String path, boolean recursive) {
        path = absolute(path);
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
        touchParent(path);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        path = absolute(path);
        if (!exists(path)) {
            return Optional.empty();
        }
        String content = entries.get(path);
        int owner = path.equals("/") || path.equals("/home") ? 0 : LEARNER_UID;
        FileStat.Type type = content == null ? FileStat.Type.DIRECTORY : FileStat.Type.REGULAR;
        long size = content == null ? 4096 : content.getBytes(StandardCharsets.UTF_8).length;
        int mode = modes.getOrDefault(path, content == null ? DIR_MODE : FILE_MODE);
        return Optional.of(new FileStat(type, mode, owner, owner, size, modified.getOrDefault(path, UNSET_CLOCK), ""));
    }

    @Override
    public void chmod(String path, int mode) {
        path = absolute(path);
        requireExists(path);
        if (mode == (isDirectory(path) ? DIR_MODE : FILE_MODE)) {
            modes.remove(path);
        } else {
            modes.put(path, mode);
        }
    }

    /** Creating or removing an entry changes its directory, as the kernel updates the directory's mtime. */
    private void touchParent(String path) {
        if (!path.equals("/")) {
            modified.put(parent(path), clock.get());
        }
    }

    /** The names directly inside a directory, sorted as {@code ls} sorts them in the C locale. */
    @Override
    public List<String> list(String directory) {
        directory = absolute(directory);
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
        directory = absolute(directory);
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
        modes.remove(path);
        modified.remove(path);
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

    /**
     * The shell always names files absolutely; the editor, the grader and tests may name a
     * learner's file as they see it in the file tree, relative to the home directory.
     */
    private static String absolute(String path) {
        return path.startsWith("/") ? path : path.isEmpty() ? HOME : HOME + "/" + path;
    }

    @Override
    public String home() {
        return HOME;
    }
}
