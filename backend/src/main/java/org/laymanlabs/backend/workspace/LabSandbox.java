package org.laymanlabs.backend.workspace;

import java.util.List;
import java.util.Optional;

/**
 * The learner's sandbox for one lab, as the browser workspace uses it: a terminal line at a time,
 * the workspace's files, and read-only pictures of the cluster and the Docker host. Every method
 * may be called from any thread; the implementation lets one thing at a time touch the sandbox.
 */
public interface LabSandbox {

    /** The lab this sandbox was started for. */
    String labId();

    /**
     * Starts one shell line. Its output goes to {@code out} as it is written, on whichever
     * thread drives the sandbox; a line that follows something ({@code kubectl get -w}) goes on
     * writing while the clock runs, until it ends or is interrupted.
     */
    TerminalLine start(String line, TerminalOutput out);

    /** The lines typed so far, oldest first, for ↑ and ↓. */
    List<String> history();

    /** Bash-style completion of the last word of a partly typed line. */
    Completion complete(String line);

    /** The workspace's files, as paths relative to the learner's home, sorted. */
    List<String> files();

    /** A file's text; empty when it does not exist (any more). */
    Optional<String> read(String path);

    /** Saves a file, creating its folders; a refusal (too big, not a file) is thrown as {@link IllegalArgumentException}. */
    void save(String path, String text);

    /** What the API server would say about a manifest, placed on its lines; nothing for other files. */
    List<ManifestProblem> check(String path, String text);

    /** The cluster and the Docker host as they are now. */
    ClusterPicture picture();

    /** The YAML of an object on the map, or a summary of a container, as text. */
    String inspect(MapElement element);

    /**
     * Keeps the sandbox's clock running in real time while the returned handle is open, as a
     * learner with the workspace open expects: pods start, containers age, watches print.
     */
    AutoCloseable keepTime();
}
