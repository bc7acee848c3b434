package org.laymanlabs.sandbox.vfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file system as a process sees it through the kernel's VFS: the learner's workspace on the
 * laptop, or a container's root (its image's layers under a writable one). The shell and its
 * tools work on whichever they are given, so {@code ls} behaves the same in both. Paths are
 * absolute and normalised; {@link #resolve} makes a typed path so.
 */
public interface FileSystem {

    boolean exists(String path);

    boolean isDirectory(String path);

    /** A file's text; a directory or a missing path throws {@link FileSystemException}. */
    String read(String path);

    /** Creates or replaces a file; its directory must exist. */
    void write(String path, String content);

    void append(String path, String content);

    /** mkdir; with {@code parents}, like {@code mkdir -p}. */
    void mkdir(String path, boolean parents);

    /** rm: a directory goes only with {@code recursive}, and takes everything under it along. */
    void remove(String path, boolean recursive);

    /** The names directly inside a directory, in C-locale order. */
    List<String> list(String directory);

    /** stat(2): the entry at {@code path}, following symbolic links; empty if there is none. */
    Optional<FileStat> stat(String path);

    /** lstat(2): like {@link #stat}, but a symbolic link at {@code path} itself is described, not followed. */
    default Optional<FileStat> lstat(String path) {
        return stat(path);
    }

    /** chmod(2): sets the permission bits (with setuid, setgid and sticky) of an existing entry. */
    void chmod(String path, int mode);

    /**
     * Copies a regular file's bytes, text or binary, as {@code cp} does with read(2) and write(2):
     * an existing target keeps its mode, a new one is made with 0644 (the caller sets another).
     */
    default void copyFile(String source, String target) {
        write(target, read(source));
    }

    /** Where {@code cd} with no argument goes, and what {@code ~} means. */
    String home();

    /** Joins a typed path onto a directory and normalises {@code .}, {@code ..} and {@code ~}. */
    static String resolve(String cwd, String home, String typed) {
        String path = typed.equals("~") ? home : typed.startsWith("~/") ? home + typed.substring(1) : typed;
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
