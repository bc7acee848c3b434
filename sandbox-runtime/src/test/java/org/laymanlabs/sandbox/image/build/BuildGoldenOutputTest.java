package org.laymanlabs.sandbox.image.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * {@code docker build} output compared with files written from the classic builder's format
 * (builder.go's "Step %d/%d : %s" and " ---> %s", internals.go's "Using cache" and "Running in",
 * containerbackend.go's "Removed intermediate container", docker/cli's context line and banner),
 * with our image IDs, container IDs (seed 7) and package lines filled in.
 */
@DisplayName("docker build prints what the classic builder of Docker 28 prints")
class BuildGoldenOutputTest {

    static final String WEB = "FROM ubuntu:22.04\n"
            + "RUN apt-get update && \\\n    apt-get install -y nginx\n"
            + "COPY index.html /var/www/html/\n"
            + "EXPOSE 80\n"
            + "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n";

    private final BuildSandbox sandbox = new BuildSandbox()
            .file("web/Dockerfile", WEB)
            .file("web/index.html", "<h1>Hello from my layer</h1>\n");

    @Test
    void aFirstBuildPullsTheBaseRunsEachStepInAContainerAndTagsTheResult() {
        CommandResult result = sandbox.run("docker build -t web ./web");

        assertThat(result.stdout()).isEqualTo(golden("build-web"));
        assertThat(result.stderr()).isEqualTo(golden("legacy-builder-banner"));
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aRebuildAfterChangingOnlyTheAppFileUsesTheCacheUpToTheCopy() {
        sandbox.ok("docker build -t web ./web");
        sandbox.file("web/index.html", "<h1>Hello again</h1>\n");

        assertThat(sandbox.ok("docker build -t web ./web")).isEqualTo(golden("build-web-cached"));
    }

    @Test
    void noCacheRunsEveryStepAgain() {
        sandbox.ok("docker build -t web ./web");

        assertThat(sandbox.ok("docker build --no-cache -t web ./web")).isEqualTo(golden("build-web-no-cache"));
    }

    @Test
    void aFailingRunStopsTheBuildWithTheCommandsStatus() {
        sandbox.file("broken/Dockerfile", "FROM debian:bookworm-slim\nWORKDIR /app\nRUN apt-get install -y curl\nCMD [\"curl\"]\n");

        CommandResult result = sandbox.run("docker build broken");

        assertThat(result.stdout()).isEqualTo(golden("build-run-fails"));
        assertThat(result.stderr()).isEqualTo(golden("legacy-builder-banner")
                + "The command '/bin/sh -c apt-get install -y curl' returned a non-zero code: 100\n");
        assertThat(result.exitCode()).isEqualTo(100);
    }

    static String golden(String name) {
        try (InputStream in = BuildGoldenOutputTest.class.getResourceAsStream(name + ".golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
