package org.laymanlabs.backend.workspace;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.vfs.FileSystemException;
import org.laymanlabs.sandbox.workspace.Workspace;

/** The editor's view of the learner's home: paths relative to it, and saves that make their folders. */
final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    static List<String> list(Workspace workspace) {
        return workspace.filesUnder(workspace.home());
    }

    static Optional<String> read(Workspace workspace, String path) {
        String absolute = absolute(workspace, path);
        return workspace.exists(absolute) && !workspace.isDirectory(absolute)
                ? Optional.of(workspace.read(absolute)) : Optional.empty();
    }

    static void save(Workspace workspace, String path, String text) {
        String absolute = absolute(workspace, path);
        try {
            int slash = absolute.lastIndexOf('/');
            if (slash > 0) {
                workspace.mkdir(absolute.substring(0, slash), true);
            }
            workspace.write(absolute, text);
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("cannot save " + path + ": " + e.reason().text(), e);
        }
    }

    /** A name relative to the home folder; one that climbs out of it or is empty is refused. */
    static String absolute(Workspace workspace, String path) {
        return absolute(workspace.home(), path);
    }

    static String absolute(String home, String path) {
        String clean = path.strip();
        if (clean.isEmpty() || clean.startsWith("/") || clean.endsWith("/")
                || List.of(clean.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw new IllegalArgumentException("'" + path + "' is not a file name inside your home folder (use names like web.yaml or app/Dockerfile)");
        }
        return home + "/" + clean;
    }
}
