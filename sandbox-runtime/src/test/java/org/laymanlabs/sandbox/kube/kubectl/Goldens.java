package org.laymanlabs.sandbox.kube.kubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code -Dkubectl.goldens.write=true}, a golden test writes what it printed into its golden
 * file, to be read line by line against kubectl's sources before it is committed.
 */
final class Goldens {

    private static final Path DIR = Path.of("src/test/resources/org/laymanlabs/sandbox/kube/kubectl");

    private Goldens() {
    }

    static void maybeWrite(String golden, String actual) {
        if (!Boolean.getBoolean("kubectl.goldens.write")) {
            return;
        }
        try {
            Files.writeString(DIR.resolve(golden), actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
