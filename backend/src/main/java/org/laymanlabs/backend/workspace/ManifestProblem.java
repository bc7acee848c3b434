package org.laymanlabs.backend.workspace;

/**
 * One thing the API server would refuse in a manifest, placed where the editor can mark it.
 *
 * @param line    1-based line in the file
 * @param message the refusal in the API server's or kubectl's words
 */
public record ManifestProblem(int line, String message) {
}
