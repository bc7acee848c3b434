package org.laymanlabs.sandbox;

import java.util.Objects;

/**
 * What one shell line printed and how it ended, exactly as a terminal would show it.
 *
 * @param stdout   text written to standard output, including its trailing newline
 * @param stderr   text written to standard error, including its trailing newline
 * @param exitCode the status bash would put in {@code $?} (0 to 255)
 */
public record CommandResult(String stdout, String stderr, int exitCode) {

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code must be 0..255, was " + exitCode);
        }
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(stdout, "", 0);
    }

    public static CommandResult error(String stderr, int exitCode) {
        return new CommandResult("", stderr, exitCode);
    }
}
