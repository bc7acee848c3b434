package org.laymanlabs.sandbox.image.fs;

import java.nio.charset.StandardCharsets;

/** What a regular file holds: real text, or a stand-in for a binary the simulation does not store byte by byte. */
public sealed interface FileContent permits FileContent.Text, FileContent.Binary {

    long size();

    /** Text stored in full, such as {@code /etc/os-release}; its size is its UTF-8 length. */
    record Text(String text) implements FileContent {
        @Override
        public long size() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /**
     * A binary of the real size, such as {@code /usr/sbin/nginx}. {@code kind} says what it stands
     * for; for an executable it names the simulated program the container engine runs.
     */
    record Binary(String kind, long size) implements FileContent {
        public Binary {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
        }
    }
}
