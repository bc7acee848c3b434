package org.laymanlabs.backend.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The files of one lab's folder, wherever it lives: a directory on disk (an operator's labs, the
 * command-line validator) or inside the app's jar.
 */
interface LabFolder {

    /** The lab's id: the folder's name. */
    String name();

    /** How problems name the folder: {@code labs/web}, or {@code <parent>/web} for a folder elsewhere. */
    default String label() {
        return "labs/" + name();
    }

    /** A file of the folder by its relative path, or empty if there is none. */
    Optional<String> read(String relativePath) throws IOException;

    static LabFolder of(Path directory) {
        return new LabFolder() {
            @Override
            public String name() {
                return directory.getFileName().toString();
            }

            @Override
            public String label() {
                Path parent = directory.getParent();
                return (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + name();
            }

            @Override
            public Optional<String> read(String relativePath) throws IOException {
                Path file = directory.resolve(relativePath).normalize();
                if (!file.startsWith(directory.normalize()) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
        };
    }

    /** @param labYaml the folder's lab.yaml, whose siblings are the lab's other files */
    static LabFolder of(Resource labYaml, String name) {
        return new LabFolder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> read(String relativePath) throws IOException {
                if (relativePath.startsWith("/") || relativePath.contains("..")) {
                    return Optional.empty();
                }
                Resource file = labYaml.createRelative(relativePath);
                if (!file.exists() || !file.isReadable()) {
                    return Optional.empty();
                }
                try (InputStream in = file.getInputStream()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // A directory inside a jar exists but cannot be opened as a file.
                    return Optional.empty();
                }
            }
        };
    }
}
