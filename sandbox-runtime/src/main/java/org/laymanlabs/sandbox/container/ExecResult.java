package org.laymanlabs.sandbox.container;

/** What {@code docker exec} gives back: the process's output and its exit code. */
public record ExecResult(String stdout, String stderr, int exitCode) {
}
