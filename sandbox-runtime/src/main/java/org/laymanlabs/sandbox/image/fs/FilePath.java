package org.laymanlabs.sandbox.image.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * An absolute path inside a container's root filesystem, already split into names. Parsing
 * resolves {@code .} and {@code ..} lexically, as the kernel does for a path with no symlinks.
 */
public record FilePath(List<String> names) {

    public static final FilePath ROOT = new FilePath(List.of());

    public FilePath {
        names = List.copyOf(names);
    }

    /** Parses {@code /etc/nginx/nginx.conf}; a relative path is taken from the root, as for {@code ADD} and {@code COPY}. */
    public static FilePath of(String path) {
        List<String> names = new ArrayList<>();
        for (String name : path.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!names.isEmpty()) {
                    names.remove(names.size() - 1);
                }
            } else {
                names.add(name);
            }
        }
        return new FilePath(names);
    }

    public boolean isRoot() {
        return names.isEmpty();
    }

    /** The last name; the root has none. */
    public String name() {
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }

    public FilePath parent() {
        return names.isEmpty() ? this : new FilePath(names.subList(0, names.size() - 1));
    }

    public FilePath child(String name) {
        List<String> longer = new ArrayList<>(names);
        longer.add(name);
        return new FilePath(longer);
    }

    /** This path followed by {@code rest}'s names. */
    public FilePath resolve(List<String> rest) {
        List<String> longer = new ArrayList<>(names);
        longer.addAll(rest);
        return of(String.join("/", longer));
    }

    @Override
    public String toString() {
        return "/" + String.join("/", names);
    }
}
