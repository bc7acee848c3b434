package org.laymanlabs.backend.workspace;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.backend.session.HistoryLine;

/**
 * The learner's sandbox for one lab, as the browser workspace uses it: a terminal line at a time,
 * the workspace's files, and read-only pictures of the cluster and the Docker host. Every method
 * may be called from any thread; the sandbox's actor runs one thing at a time, and journals every
 * input, so what the learner does survives a reload and a server restart.
 */
public interface LabSandbox {

    /** Completes once the sandbox is built or restored; the page can show the lesson meanwhile. */
    CompletableFuture<Void> ready();

    /**
     * Starts one shell line. Its output goes to {@code out} as it is written, on the sandbox's
     * thread; a line that follows something ({@code kubectl get -w}) goes on writing while the
     * clock runs, until it ends or is interrupted. A refusal (another line still runs) or a failure
     * of the sandbox completes {@link TerminalLine#finished()} exceptionally.
     */
    TerminalLine start(String line, TerminalOutput out);

    /** The prompt the terminal shows before the next line (see {@link org.laymanlabs.sandbox.Shell#prompt()}). */
    String prompt();

    /** Ctrl-C to whatever line runs in the foreground, even one started before a reload. */
    void interrupt();

    /** The terminal went away: a following line stops writing and ends, what it followed goes on. */
    void detach();

    /** The terminal's scrollback: each line typed, what it printed and its status, oldest first. */
    List<HistoryLine> scrollback();

    /** Bash-style completion of the last word of a partly typed line. */
    Completion complete(String line);

    /** The workspace's files, as paths relative to the learner's home, sorted. */
    List<String> files();

    /** A file's text; empty when it does not exist (any more). */
    Optional<String> read(String path);

    /** Saves a file, creating its folders; a refusal (a bad name, too big) is thrown as {@link IllegalArgumentException}. */
    void save(String path, String text);

    /** What the API server would say about a manifest, placed on its lines; nothing for other files. */
    List<ManifestProblem> check(String path, String text);

    /** The cluster and the Docker host as they are now. */
    ClusterPicture picture();

    /** The YAML of an object on the map, or a summary of a container, as text. */
    String inspect(MapElement element);
}
