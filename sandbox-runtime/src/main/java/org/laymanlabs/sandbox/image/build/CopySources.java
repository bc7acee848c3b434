package org.laymanlabs.sandbox.image.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.Symlink;
import org.laymanlabs.sandbox.image.fs.UnionView;

/**
 * What one COPY or ADD source stands for: its files, relative to where they land, and the content
 * hash the classic builder puts in the step's history ({@code file:…}, {@code dir:…}), so that a
 * changed file changes the step and every step after it. Mirrors moby builder/dockerfile/copy.go.
 *
 * @param files    relative path ("" for a lone file) to the node to place
 * @param isDir    whether the source is a directory, whose contents are copied
 * @param baseName the source's own name, for a file copied into a directory
 */
record CopySources(String baseName, boolean isDir, Map<String, Node> files, String hash) {

    static CopySources fromContext(BuildContext context, String source) {
        String cleaned = BuildContext.clean(source);
        String base = cleaned.contains("/") ? cleaned.substring(cleaned.lastIndexOf('/') + 1) : cleaned;
        if (context.isDirectory(cleaned)) {
            Map<String, Node> files = new TreeMap<>();
            String prefix = cleaned.isEmpty() ? "" : cleaned + "/";
            context.directoriesUnder(cleaned).forEach(d -> files.put(d,
                    org.laymanlabs.sandbox.image.fs.Directory.empty(context.mode(prefix + d), 0, 0)));
            context.filesUnder(cleaned).forEach(f -> files.put(f, RegularFile.text(
                    context.file(prefix + f).orElseThrow(), context.mode(prefix + f))));
            return new CopySources(base, true, files, "dir:" + hashOf(files));
        }
        String text = context.file(cleaned).orElseThrow(() -> BuildFailure.of("COPY failed: file not found in build"
                + " context or excluded by .dockerignore: stat " + cleaned + ": file does not exist"));
        Map<String, Node> files = Map.of("", RegularFile.text(text, context.mode(cleaned)));
        return new CopySources(base, false, files, "file:" + hashOf(files));
    }

    static CopySources fromImage(UnionView view, String source) {
        String path = "/" + BuildContext.clean(source);
        Node node = view.stat(path).orElseThrow(() -> BuildFailure.of("COPY failed: stat " + path + ": file does not exist"));
        String base = path.substring(path.lastIndexOf('/') + 1);
        Map<String, Node> files = new TreeMap<>();
        if (node instanceof org.laymanlabs.sandbox.image.fs.Directory) {
            collect(view, path, "", files);
            return new CopySources(base, true, files, "dir:" + hashOf(files));
        }
        files.put("", node);
        return new CopySources(base, false, files, "file:" + hashOf(files));
    }

    private static void collect(UnionView view, String dir, String prefix, Map<String, Node> files) {
        view.list(dir).forEach((name, node) -> {
            String relative = prefix + name;
            if (node instanceof org.laymanlabs.sandbox.image.fs.Directory) {
                files.put(relative, org.laymanlabs.sandbox.image.fs.Directory.empty());
                collect(view, dir + "/" + name, relative + "/", files);
            } else {
                files.put(relative, node);
            }
        });
    }

    /** getSourceHashFromInfos: one source keeps its own hash; several are hashed together as {@code multi:}. */
    static String combinedHash(List<CopySources> sources) {
        if (sources.size() == 1) {
            return sources.get(0).hash();
        }
        List<String> hashes = new ArrayList<>();
        sources.forEach(s -> hashes.add(s.hash()));
        return "multi:" + Digest.sha256(String.join(",", hashes)).hex();
    }

    private static String hashOf(Map<String, Node> files) {
        StringBuilder out = new StringBuilder();
        files.forEach((path, node) -> {
            out.append(path).append('\0').append(node.typeLetter()).append(String.format("%04o", node.mode())).append('\0');
            if (node instanceof RegularFile file && file.content() instanceof FileContent.Text text) {
                out.append(text.text());
            } else if (node instanceof RegularFile file && file.content() instanceof FileContent.Binary binary) {
                out.append(binary.kind()).append(binary.size());
            } else if (node instanceof Symlink link) {
                out.append(link.target());
            }
            out.append('\n');
        });
        return Digest.sha256(out.toString().getBytes(StandardCharsets.UTF_8)).hex();
    }
}
