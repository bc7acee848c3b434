package org.laymanlabs.sandbox.container;

import java.time.Instant;

/** One line a container's process wrote, as the json-file log driver stores it. */
public record LogEntry(Instant time, Stream stream, String line) {

    public enum Stream { STDOUT, STDERR }
}
