package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * The files {@code docker build PATH} sends to the daemon: everything under PATH but what
 * {@code .dockerignore} leaves out (the Dockerfile and {@code .dockerignore} always go). Mirrors
 * docker/cli's context upload (build/context.go) and the daemon's view of it (remotecontext).
 */
public final class BuildContext {

    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private final SortedMap<String, String> files;
    private final SortedSet<String> directories;
    /** Modes other than 0644 for files and 0755 for directories, as the context's tar carries them. */
    private final Map<String, Integer> modes;

    private BuildContext(SortedMap<String, String> files, SortedSet<String> directories, Map<String, Integer> modes) {
        this.files = files;
        this.directories = directories;
        this.modes = modes;
    }

    /**
     * @param root       the context directory, absolute in {@code fileSystem}
     * @param dockerfile the Dockerfile's path relative to the root, kept even if ignored
     */
    public static BuildContext read(FileSystem fileSystem, String root, String dockerfile) {
        String ignorePath = child(root, ".dockerignore");
        DockerIgnore ignore = fileSystem.exists(ignorePath) && !fileSystem.isDirectory(ignorePath)
                ? DockerIgnore.parse(fileSystem.read(ignorePath)) : DockerIgnore.none();
        SortedMap<String, String> files = new TreeMap<>();
        SortedSet<String> directories = new TreeSet<>();
        walk(fileSystem, root, "", ignore, files, directories);
        for (String always : List.of(".dockerignore", dockerfile)) {
            String path = child(root, always);
            if (fileSystem.exists(path) && !fileSystem.isDirectory(path)) {
                files.put(always, fileSystem.read(path));
            }
        }
        Map<String, Integer> modes = new HashMap<>();
        for (String relative : files.keySet()) {
            fileSystem.stat(child(root, relative)).filter(s -> s.mode() != FILE_MODE)
                    .ifPresent(s -> modes.put(relative, s.mode()));
        }
        for (String relative : directories) {
            fileSystem.stat(child(root, relative)).filter(s -> s.mode() != DIR_MODE)
                    .ifPresent(s -> modes.put(relative, s.mode()));
        }
        return new BuildContext(files, directories, modes);
    }

    /** A file's or directory's permission bits, as sent in the context's tar. */
    int mode(String path) {
        String cleaned = clean(path);
        return modes.getOrDefault(cleaned, directories.contains(cleaned) ? DIR_MODE : FILE_MODE);
    }

    private static void walk(FileSystem fs, String dir, String prefix, DockerIgnore ignore,
                             SortedMap<String, String> files, SortedSet<String> directories) {
        for (String name : fs.list(dir)) {
            String relative = prefix + name;
            String path = child(dir, name);
            boolean isDir = fs.isDirectory(path);
            if (ignore.excludes(relative)) {
                continue;
            }
            if (isDir) {
                directories.add(relative);
                walk(fs, path, relative + "/", ignore, files, directories);
            } else {
                files.put(relative, fs.read(path));
            }
        }
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** A file's text by its path in the context ({@code ./a/../b} and a leading {@code /} allowed). */
    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(clean(path)));
    }

    boolean isDirectory(String path) {
        String cleaned = clean(path);
        return cleaned.isEmpty() || directories.contains(cleaned);
    }

    /** The files below a directory of the context, relative to it, sorted. */
    List<String> filesUnder(String dir) {
        String cleaned = clean(dir);
        String prefix = cleaned.isEmpty() ? "" : cleaned + "/";
        return files.keySet().stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length())).toList();
    }

    /** The directories below a directory of the context, relative to it, sorted. */
    List<String> directoriesUnder(String dir) {
        String cleaned = clean(dir);
        String prefix = cleaned.isEmpty() ? "" : cleaned + "/";
        return directories.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length())).toList();
    }

    /** Context paths matching a COPY source with {@code *} or {@code ?} in it. */
    List<String> glob(String source) {
        Pattern pattern = Pattern.compile(clean(source).replace(".", "\\.").replace("*", "[^/]*").replace("?", "[^/]"));
        List<String> matches = new ArrayList<>();
        files.keySet().stream().filter(p -> pattern.matcher(p).matches()).forEach(matches::add);
        directories.stream().filter(p -> pattern.matcher(p).matches()).forEach(matches::add);
        return matches.stream().sorted().toList();
    }

    /**
     * The bytes of the tar stream the CLI uploads: a 512-byte header per entry, contents padded to
     * 512, and two zero blocks at the end, so a lone small Dockerfile weighs 2.048kB.
     */
    public long tarSize() {
        long size = 1024 + 512L * directories.size();
        for (String content : files.values()) {
            long bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            size += 512 + (bytes + 511) / 512 * 512;
        }
        return size;
    }

    static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
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
        return String.join("/", parts);
    }
}
