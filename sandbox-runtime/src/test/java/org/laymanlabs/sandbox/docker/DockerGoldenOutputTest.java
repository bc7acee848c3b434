package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Output compared with files written by hand from docker/cli's formatters (column rules of
 * formatter.go's tabwriter, image.go, history.go, disk_usage.go, jsonmessage and inspect), with
 * the IDs and digests of our catalog images filled in.
 */
@DisplayName("docker prints what Docker 28 prints")
class DockerGoldenOutputTest {

    private final DockerSandbox sandbox = new DockerSandbox();

    @Test
    void pullShowsEachLayerTheDigestTheStatusAndTheFullReference() {
        assertThat(sandbox.ok("docker pull nginx")).isEqualTo(golden("pull-nginx"));
    }

    @Test
    void pullSaysAlreadyExistsForTheBaseLayerAnImageShares() {
        sandbox.ok("docker pull nginx");

        assertThat(sandbox.ok("docker pull python:3.12-slim")).isEqualTo(golden("pull-python-after-nginx"));
    }

    @Test
    void pullingAgainSaysTheImageIsUpToDate() {
        sandbox.ok("docker pull nginx");

        assertThat(sandbox.ok("docker pull nginx")).isEqualTo(golden("pull-nginx-again"));
    }

    @Test
    void imagesListsNewestFirstWithHumanAgesAndSizes() {
        for (String image : new String[] {"nginx", "python:3.12-slim", "nginx:alpine", "alpine", "busybox:1.36"}) {
            sandbox.ok("docker pull -q " + image);
        }

        assertThat(sandbox.ok("docker images")).isEqualTo(golden("images"));
        assertThat(sandbox.ok("docker image ls")).isEqualTo(golden("images"));
    }

    @Test
    void historyShowsEveryStepWithMissingIdsAndTruncatedInstructions() {
        sandbox.ok("docker pull -q nginx");

        assertThat(sandbox.ok("docker history nginx")).isEqualTo(golden("history-nginx"));
    }

    @Test
    void inspectPrintsTheApi150DocumentIndentedByFourSpaces() {
        sandbox.ok("docker pull -q alpine");

        assertThat(sandbox.ok("docker image inspect alpine")).isEqualTo(golden("inspect-alpine"));
    }

    @Test
    void systemDfCountsLayersSharedByImagesOnce() {
        sandbox.ok("docker pull -q nginx");
        sandbox.ok("docker pull -q python:3.12-slim");
        sandbox.ok("docker pull -q nginx:alpine");

        assertThat(sandbox.ok("docker system df")).isEqualTo(golden("system-df"));
    }

    private static String golden(String name) {
        try (InputStream in = DockerGoldenOutputTest.class.getResourceAsStream(name + ".golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
