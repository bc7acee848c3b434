package org.laymanlabs.backend.storage;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotNull;

/**
 * Where Layman Labs keeps its files. Operators set these as {@code layman.*} properties or as
 * environment variables ({@code LAYMAN_DATA_DIR}, {@code LAYMAN_LABS_DIR}).
 *
 * @param dataDir the data directory: the embedded database and anything else the app writes
 * @param labsDir a folder of labs to serve instead of the ones built into the app, or null
 */
@Validated
@ConfigurationProperties("layman")
public record LaymanProperties(@NotNull Path dataDir, Path labsDir) {

    /** The configured labs folder; an empty setting (an unset {@code LAYMAN_LABS_DIR}) means none. */
    public Optional<Path> labsFolder() {
        return labsDir == null || labsDir.toString().isEmpty() ? Optional.empty() : Optional.of(labsDir);
    }

    /** The data directory as an absolute path, so nothing depends on the folder the app started in. */
    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
