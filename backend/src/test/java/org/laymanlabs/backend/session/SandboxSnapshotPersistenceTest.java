package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.laymanlabs.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database is a file in the data directory: what one run saves, the next run finds. */
class SandboxSnapshotPersistenceTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BackendTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + dataDir);
    }

    @Test
    void aSnapshotSavedBeforeARestartIsThereAfterIt() {
        Instant savedAt = Instant.parse("2026-11-26T10:00:00Z");
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(SandboxSnapshotRepository.class).save(
                    new SandboxSnapshot("ada", "images-and-containers", "{\"v\":1}".getBytes(StandardCharsets.UTF_8), savedAt));
        }

        try (ConfigurableApplicationContext second = start()) {
            SandboxSnapshot found = second.getBean(SandboxSnapshotRepository.class)
                    .findByOwnerAndLabId("ada", "images-and-containers").orElseThrow();

            assertThat(new String(found.state(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}");
            assertThat(found.savedAt()).isEqualTo(savedAt);
        }
        assertThat(dataDir.resolve("db/layman.mv.db")).exists();
    }
}
