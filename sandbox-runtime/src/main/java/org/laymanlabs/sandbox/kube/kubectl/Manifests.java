package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.shell.ShellContext;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * Mirrors cli-runtime's FilenameOptions and the builder's file visitors: {@code -f file},
 * {@code -f dir} (its .json, .yaml and .yml files in name order; with {@code -R} its
 * subdirectories too), {@code -f -} for stdin, each split into documents. Problems are collected
 * as the builder collects them with ContinueOnError.
 */
final class Manifests {

    /** One document and where it came from, as kubectl names it in messages ("web.yaml", "STDIN"). */
    record Manifest(String source, JsonNode tree) {
    }

    private final List<Manifest> manifests = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Manifests() {
    }

    static Manifests read(List<String> filenames, boolean recursive, Session session) {
        Manifests read = new Manifests();
        ShellContext shell = session.invocation().shell();
        for (String typed : filenames) {
            if (typed.equals("-")) {
                read.document("STDIN", session.invocation().stdin());
                continue;
            }
            if (typed.startsWith("http://") || typed.startsWith("https://")) {
                throw KubectlException.error("the sandbox cannot download " + typed + "; save the manifest in your workspace "
                        + "and apply the file");
            }
            String path = shell.resolve(typed);
            FileSystem files = shell.files();
            if (!files.exists(path)) {
                throw KubectlException.error("the path \"" + typed + "\" does not exist");
            }
            if (files.isDirectory(path)) {
                List<String> found = new ArrayList<>();
                walk(files, path, typed.endsWith("/") ? typed.substring(0, typed.length() - 1) : typed, recursive, found);
                if (found.isEmpty()) {
                    throw KubectlException.error("error reading [" + typed + "]: recognized file extensions are [.json .yaml .yml]");
                }
                found.forEach(source -> read.document(source, files.read(shell.resolve(source))));
            } else {
                read.document(typed, files.read(path));
            }
        }
        return read;
    }

    private static void walk(FileSystem files, String path, String shown, boolean recursive, List<String> found) {
        for (String name : files.list(path)) {
            String child = path + "/" + name;
            String childShown = shown + "/" + name;
            if (files.isDirectory(child)) {
                if (recursive) {
                    walk(files, child, childShown, true, found);
                }
            } else if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
                found.add(childShown);
            }
        }
    }

    private void document(String source, String text) {
        YamlDocuments.Result result = YamlDocuments.read(text);
        result.documents().forEach(d -> manifests.add(new Manifest(source, d)));
        if (result.error() != null) {
            errors.add("error parsing " + source + ": " + result.error());
        }
    }

    List<Manifest> manifests() {
        return manifests;
    }

    /** The reading errors, in the order met. */
    List<String> errors() {
        return errors;
    }
}
